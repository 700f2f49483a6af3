using CampaignManager.Campaigns;
using CampaignManager.Outcomes;
using Microsoft.AspNetCore.Http;

namespace CampaignManager.Tests.Campaigns;

/// <summary>Given events, when an outcome recorded by mistake is retracted, then these events: no host, no database.</summary>
public class outcome_retraction_decisions
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2014, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly VoteDay = new(2014, 12, 22);
    private static readonly Guid China = Guid.NewGuid(), Chad = Guid.NewGuid();
    private static readonly CampaignLaunched Launched = new(Id, "DPRK on the Council agenda", "The Council takes up the DPRK situation",
        "UN Security Council", VoteDay, "maria", T0);
    private static readonly TargetPositionRecorded ChinaOpposes =
        new(Id, China, TargetPosition.Opposes, new DateOnly(2014, 12, 19), null, "maria", T0.AddDays(18));

    private static RecordOutcome Agenda2014(CampaignStatus status = CampaignStatus.Achieved) => new(
        OutcomeKind.MeetingHeld, VoteDay, "UN Security Council", Tally: new VoteTally(11, 2, 2), Status: status,
        Reason: "The situation is on the Council's agenda", Nature: DecisionNature.Procedural, Result: DecisionResult.AdoptedByVote,
        Votes: new Dictionary<Guid, MemberVote> { [China] = MemberVote.No, [Chad] = MemberVote.Abstain });

    private static (Campaign Campaign, Guid Outcome) Recorded(params object[] before)
    {
        var outcome = Guid.NewGuid();
        var events = new List<object> { Launched };
        events.AddRange(before);
        events.AddRange(RecordOutcomeEndpoint.Decide(Campaign.Fold(events)!, outcome, Agenda2014(), "maria", T0.AddDays(30)));
        return (Campaign.Fold(events)!, outcome);
    }

    private static OutcomeRetracted Retract(Campaign campaign, Guid outcome) =>
        RetractOutcomeEndpoint.Decide(campaign, outcome, new RetractOutcome(" Recorded in the wrong campaign "), "li", T0.AddDays(31));

    [Fact]
    public void retracting_an_outcome_keeps_it_in_history_and_takes_its_votes_out_of_the_whip_count()
    {
        var (campaign, outcome) = Recorded(ChinaOpposes);

        var retracted = Retract(campaign, outcome);
        campaign.Apply(retracted);

        (retracted.Reason, retracted.By, retracted.At).ShouldBe(("Recorded in the wrong campaign", "li", T0.AddDays(31)));
        retracted.Withdrawn.Select(w => w.MemberId).ShouldBe([China, Chad], ignoreOrder: true);
        campaign.Outcomes.ShouldBeEmpty();
        var kept = campaign.RetractedOutcomes.ShouldHaveSingleItem();
        (kept.OutcomeId, kept.Facts.Tally, kept.Retraction!.Reason).ShouldBe((outcome, new VoteTally(11, 2, 2), "Recorded in the wrong campaign"));
        var whip = WhipCount.From(campaign.Positions, new Dictionary<Guid, string>());
        whip.Targets.Select(t => (t.TargetId, t.Position)).ShouldBe([(China, TargetPosition.Opposes)]);
        (campaign.Status, campaign.StatusReason).ShouldBe((CampaignStatus.Pending, null));
    }

    [Fact]
    public void retracting_the_latest_outcome_lets_the_one_before_speak_for_the_campaign_again()
    {
        var (campaign, first) = Recorded();
        var second = Guid.NewGuid();
        foreach (var e in RecordOutcomeEndpoint.Decide(campaign, second, Agenda2014(CampaignStatus.NotAchieved) with { Reason = "typed twice" },
                     "maria", T0.AddDays(30.5)))
            campaign = EventFoldApply(campaign, e);
        campaign.Status.ShouldBe(CampaignStatus.NotAchieved);

        campaign.Apply(Retract(campaign, second));

        campaign.Outcomes.ShouldHaveSingleItem().OutcomeId.ShouldBe(first);
        (campaign.Status, campaign.StatusReason).ShouldBe((CampaignStatus.Achieved, "The situation is on the Council's agenda"));
        // the first outcome's votes, recorded before, still stand
        campaign.Positions.Where(p => p.OutcomeId == first).Select(p => p.TargetId).ShouldBe([China, Chad], ignoreOrder: true);
    }

    [Fact]
    public void a_retraction_withdraws_the_votes_a_correction_added_and_votes_recorded_before_they_named_their_outcome()
    {
        var outcome = Guid.NewGuid();
        var at = T0.AddDays(30);
        var facts = Agenda2014().Facts() with { Votes = new Dictionary<Guid, MemberVote> { [China] = MemberVote.No } };
        // stored before positions named their outcome: the vote is known by its moment, its author and its day
        var campaign = Campaign.Fold([
            Launched, new OutcomeRecorded(Id, outcome, facts, "maria", at),
            new TargetPositionRecorded(Id, China, TargetPosition.VotedNo, VoteDay, Voters.SourceOf(facts), "maria", at),
            // a call logged the same moment, as a frozen clock would: not a vote of the outcome, so it stays
            new TargetPositionRecorded(Id, Chad, TargetPosition.Supports, VoteDay, "a call", "maria", at)
        ])!;
        var fix = Agenda2014();
        foreach (var e in CorrectOutcomeEndpoint.Decide(campaign, outcome, new CorrectOutcome(fix.Kind, fix.Date, fix.Body, Tally: fix.Tally,
                     Status: fix.Status, Reason: fix.Reason, Note: "Chad abstained", Nature: fix.Nature, Result: fix.Result, Votes: fix.Votes),
                     "li", at.AddDays(1)))
            campaign = EventFoldApply(campaign, e);

        var retracted = Retract(campaign, outcome);

        retracted.Withdrawn.ShouldBe([new WithdrawnVote(China, VoteDay, at), new WithdrawnVote(Chad, VoteDay, at.AddDays(1))], ignoreOrder: true);
        campaign.Apply(retracted);
        campaign.Positions.Select(p => (p.TargetId, p.Position)).ShouldBe([(Chad, TargetPosition.Supports)]);
    }

    [Fact]
    public void retracting_needs_a_reason_an_outcome_of_the_campaign_and_one_that_stands()
    {
        var (campaign, outcome) = Recorded();
        var reason = new RetractOutcome("Recorded in the wrong campaign");

        RetractOutcomeEndpoint.Validate(reason, outcome, campaign).IsNone().ShouldBeTrue();
        RetractOutcomeEndpoint.Validate(new RetractOutcome(" "), outcome, campaign).ShouldBeOfType<HttpValidationProblemDetails>()
            .Errors.Keys.ShouldBe(["reason"]);
        RetractOutcomeEndpoint.Validate(reason, Guid.NewGuid(), campaign).Status.ShouldBe(404);

        campaign.Apply(Retract(campaign, outcome));

        RetractOutcomeEndpoint.Validate(reason, outcome, campaign).Status.ShouldBe(409);
        var fix = Agenda2014();
        CorrectOutcomeEndpoint.Validate(new CorrectOutcome(fix.Kind, fix.Date, fix.Body, Tally: fix.Tally, Status: fix.Status,
            Reason: "changed", Note: "after all", Nature: fix.Nature, Result: fix.Result), outcome, campaign, Voters.None).Status.ShouldBe(409);
    }

    private static Campaign EventFoldApply(Campaign campaign, object e) => CampaignManager.Hosting.EventFold<Campaign>.Apply(campaign, e)!;
}
