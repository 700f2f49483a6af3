using CampaignManager.Campaigns;
using CampaignManager.Outcomes;

namespace CampaignManager.Tests.Campaigns;

/// <summary>Given events, when a command is decided, then these events: no host, no database.</summary>
public class campaign_decisions
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2020, 10, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly CampaignLaunched Launched = new(Id, "DPRK resolution", "Keep accountability", "UNGA Third Committee",
        new DateOnly(2020, 12, 16), "maria", T0);

    private static OutcomeFacts Blocked(int supporters) => new(OutcomeKind.MeetingBlocked, new DateOnly(2019, 12, 10),
        "UN Security Council", false, null, new ProceduralSupport(supporters, 15, 9), [], CampaignStatus.NotAchieved,
        "The United States withheld the ninth vote");

    [Fact]
    public void launching_trims_the_text_and_records_who_and_when()
    {
        var e = LaunchCampaignEndpoint.Decide(Id, new LaunchCampaign(" DPRK resolution ", " Keep accountability ", " UNGA Third Committee "),
            "maria", T0);
        e.ShouldBe(new CampaignLaunched(Id, "DPRK resolution", "Keep accountability", "UNGA Third Committee", null, "maria", T0));
    }

    [Fact]
    public void the_latest_position_by_its_own_date_wins_even_when_recorded_out_of_order()
    {
        var target = Guid.NewGuid();
        var campaign = Campaign.Fold([
            Launched,
            new TargetPositionRecorded(Id, target, TargetPosition.Supports, new DateOnly(2020, 11, 20), null, "maria", T0.AddDays(1)),
            new TargetPositionRecorded(Id, target, TargetPosition.Undecided, new DateOnly(2020, 11, 1), "older note", "maria", T0.AddDays(2))
        ])!;
        var whip = WhipCount.From(campaign.Positions, new Dictionary<Guid, string> { [target] = "Mission of Chile" });
        whip.Targets.Single().Position.ShouldBe(TargetPosition.Supports);
        whip.Counts.Single(c => c.Position == TargetPosition.Supports).Count.ShouldBe(1);
        whip.Counts.Sum(c => c.Count).ShouldBe(1);
    }

    [Fact]
    public void a_correction_replaces_the_facts_and_keeps_the_original_in_the_history()
    {
        var outcome = Guid.NewGuid();
        var campaign = Campaign.Fold([Launched, new OutcomeRecorded(Id, outcome, Blocked(7), "maria", T0.AddDays(1))])!;
        var corrected = CorrectOutcomeEndpoint.Decide(campaign, outcome,
            new CorrectOutcome(OutcomeKind.MeetingBlocked, new DateOnly(2019, 12, 10), "UN Security Council",
                Support: new ProceduralSupport(8, 15, 9), Status: CampaignStatus.NotAchieved,
                Reason: "The United States withheld the ninth vote", Note: "eight, not seven"), "li", T0.AddDays(2));

        campaign.Apply(corrected.Single().ShouldBeOfType<OutcomeCorrected>());
        campaign.Outcomes.Single().Facts.Support!.Supporters.ShouldBe(8);
        campaign.Outcomes.Single().History.Select(h => h.Facts.Support!.Supporters).ShouldBe([7, 8]);
        campaign.Status.ShouldBe(CampaignStatus.NotAchieved);
    }

    [Fact]
    public void a_consensus_resolution_with_a_tally_too_is_refused()
    {
        var errors = new RecordOutcome(OutcomeKind.ResolutionAdopted, new DateOnly(2020, 12, 16), "UN General Assembly",
            Consensus: true, Tally: new VoteTally(120, 10, 40), Status: CampaignStatus.Achieved, Reason: "adopted").Check(new(), Voters.None);
        errors.ToDictionary().Keys.ShouldBe(["consensus"]);
    }
}
