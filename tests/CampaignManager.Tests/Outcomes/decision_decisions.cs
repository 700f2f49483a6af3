using CampaignManager.Campaigns;
using CampaignManager.Outcomes;

namespace CampaignManager.Tests.Outcomes;

/// <summary>Given events, when a decision is recorded, corrected or explained, then these events: no host, no database.</summary>
public class decision_decisions
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2014, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly VoteDay = new(2014, 12, 22);
    private static readonly Guid China = Guid.NewGuid(), Russia = Guid.NewGuid(), Chad = Guid.NewGuid(), Nigeria = Guid.NewGuid(),
        France = Guid.NewGuid();
    private static readonly CampaignLaunched Launched = new(Id, "DPRK on the Council agenda", "The Council takes up the DPRK situation",
        "UN Security Council", VoteDay, "maria", T0);

    // 22 December 2014: the Council voted 11-2-2 to put the situation in the DPRK on its agenda, then held the meeting
    private static RecordOutcome Agenda2014(Dictionary<Guid, MemberVote>? votes = null, VoteTally? tally = null) => new(
        OutcomeKind.MeetingHeld, VoteDay, "UN Security Council", Tally: tally ?? new VoteTally(11, 2, 2),
        Status: CampaignStatus.Achieved, Reason: "The situation is on the Council's agenda", Venue: "7353rd meeting",
        Nature: DecisionNature.Procedural, Result: DecisionResult.AdoptedByVote,
        Votes: votes ?? new() { [China] = MemberVote.No, [Russia] = MemberVote.No, [Chad] = MemberVote.Abstain, [Nigeria] = MemberVote.Abstain,
            [France] = MemberVote.Yes });

    private static Voters AllKnown => new(new HashSet<Guid> { China, Russia, Chad, Nigeria, France });

    private static IEnumerable<string> ErrorsOf(RecordOutcome command) => command.Check(new FieldErrors(), AllKnown).ToDictionary().Keys;

    [Fact]
    public void a_procedural_vote_with_a_tally_is_accepted_and_each_members_vote_becomes_its_position_on_the_day_of_the_vote()
    {
        ErrorsOf(Agenda2014()).ShouldBeEmpty();
        var campaign = Campaign.Fold([Launched])!;
        var outcomeId = Guid.NewGuid();

        var events = RecordOutcomeEndpoint.Decide(campaign, outcomeId, Agenda2014(), "maria", T0.AddDays(30));

        var recorded = events[0].ShouldBeOfType<OutcomeRecorded>();
        (recorded.Facts.Tally, recorded.Facts.Nature, recorded.Facts.Result)
            .ShouldBe((new VoteTally(11, 2, 2), DecisionNature.Procedural, DecisionResult.AdoptedByVote));
        var positions = events.Skip(1).Cast<TargetPositionRecorded>().ToDictionary(p => p.TargetId);
        positions.Count.ShouldBe(5);
        positions[China].Position.ShouldBe(TargetPosition.VotedNo);
        positions[Chad].Position.ShouldBe(TargetPosition.Abstained);
        positions[France].Position.ShouldBe(TargetPosition.VotedYes);
        positions.Values.ShouldAllBe(p => p.Date == VoteDay && p.CampaignId == Id && p.By == "maria");
    }

    [Fact]
    public void the_whip_count_after_the_vote_shows_what_staff_expected_against_how_each_member_voted()
    {
        var campaign = Campaign.Fold([
            Launched,
            new TargetPositionRecorded(Id, China, TargetPosition.Opposes, new DateOnly(2014, 12, 19), null, "maria", T0.AddDays(18)),
            new TargetPositionRecorded(Id, Chad, TargetPosition.Supports, new DateOnly(2014, 12, 19), null, "maria", T0.AddDays(18)),
            new TargetPositionRecorded(Id, Nigeria, TargetPosition.Undecided, new DateOnly(2014, 12, 19), null, "maria", T0.AddDays(18)),
            .. RecordOutcomeEndpoint.Decide(Campaign.Fold([Launched])!, Guid.NewGuid(), Agenda2014(), "maria", T0.AddDays(21))
        ])!;

        var whip = WhipCount.From(campaign.Positions, new Dictionary<Guid, string>()).Targets.ToDictionary(t => t.TargetId);

        (whip[China].Expected!.Position, whip[China].Position, whip[China].AsExpected).ShouldBe((TargetPosition.Opposes, TargetPosition.VotedNo, true));
        (whip[Chad].Expected!.Position, whip[Chad].Position, whip[Chad].AsExpected).ShouldBe((TargetPosition.Supports, TargetPosition.Abstained, false));
        whip[Nigeria].AsExpected.ShouldBeNull();
        whip[France].Expected.ShouldBeNull(); // nobody had asked France before the vote
        var dayBefore = WhipCount.From(campaign.Positions.Where(p => p.Date < VoteDay), new Dictionary<Guid, string>());
        dayBefore.Targets.Single(t => t.TargetId == Chad).Position.ShouldBe(TargetPosition.Supports);
    }

    [Fact]
    public void a_consensus_with_a_tally_or_a_recorded_vote_without_one_is_refused()
    {
        ErrorsOf(Agenda2014(votes: []) with { Result = DecisionResult.AdoptedByConsensus }).ShouldBe(["tally"]);
        ErrorsOf(Agenda2014(votes: []) with { Tally = null }).ShouldBe(["tally"]);
    }

    [Fact]
    public void member_votes_that_do_not_fit_inside_the_tally_or_have_no_tally_are_refused()
    {
        ErrorsOf(Agenda2014(tally: new VoteTally(13, 1, 1))).ShouldBe(["votes"]);
        ErrorsOf(Agenda2014() with { Result = DecisionResult.Rejected, Tally = null }).ShouldBe(["votes"]);
    }

    [Fact]
    public void a_veto_names_who_cast_it_it_voted_against_and_a_procedural_question_cannot_be_vetoed()
    {
        var vetoed = Agenda2014(tally: new VoteTally(13, 2, 0), votes: new() { [China] = MemberVote.No, [Russia] = MemberVote.No }) with
        {
            Kind = OutcomeKind.ResolutionVetoed, Result = DecisionResult.Vetoed, Nature = DecisionNature.Substantive, Status = CampaignStatus.NotAchieved
        };
        ErrorsOf(vetoed with { VetoedBy = [China.ToString(), "Russian Federation"] }).ShouldBeEmpty();
        ErrorsOf(vetoed).ShouldBe(["vetoedBy"]);
        ErrorsOf(vetoed with { VetoedBy = ["China"], Nature = DecisionNature.Procedural }).ShouldBe(["nature"]);
        ErrorsOf(vetoed with { VetoedBy = [China.ToString()], Votes = new Dictionary<Guid, MemberVote> { [China] = MemberVote.Yes } })
            .ShouldBe(["vetoedBy[0]"]);
    }

    [Fact]
    public void a_question_not_taken_up_had_no_vote_only_the_support_it_lacked()
    {
        var notTakenUp = new RecordOutcome(OutcomeKind.MeetingBlocked, new DateOnly(2019, 12, 10), "UN Security Council",
            Support: new ProceduralSupport(8, 15, 9), Status: CampaignStatus.NotAchieved, Reason: "one vote short",
            Nature: DecisionNature.Procedural, Result: DecisionResult.NotTakenUp);
        ErrorsOf(notTakenUp).ShouldBeEmpty();
        ErrorsOf(notTakenUp with { Tally = new VoteTally(8, 0, 0) }).ShouldBe(["tally"]);
        ErrorsOf(notTakenUp with { Support = new ProceduralSupport(9, 15, 9) }).ShouldBe(["support"]);
    }

    [Fact]
    public void a_vote_by_a_member_that_is_not_a_known_target_is_refused_by_its_id()
    {
        var stranger = Guid.NewGuid();
        new RecordOutcome(OutcomeKind.MeetingHeld, VoteDay, "UN Security Council", Tally: new VoteTally(11, 2, 2),
                Status: CampaignStatus.Achieved, Reason: "held", Nature: DecisionNature.Procedural, Result: DecisionResult.AdoptedByVote,
                Votes: new Dictionary<Guid, MemberVote> { [stranger] = MemberVote.Yes })
            .Check(new FieldErrors(), Voters.None).ToDictionary().Keys.ShouldBe([$"votes.{stranger}"]);
    }

    [Fact]
    public void a_correction_moves_only_the_votes_it_changes_into_the_whip_count()
    {
        var outcomeId = Guid.NewGuid();
        var campaign = Campaign.Fold([Launched, .. RecordOutcomeEndpoint.Decide(Campaign.Fold([Launched])!, outcomeId, Agenda2014(), "maria", T0)])!;
        var wrong = Agenda2014();
        var corrected = new CorrectOutcome(wrong.Kind, wrong.Date, wrong.Body, Tally: wrong.Tally, Status: wrong.Status, Reason: wrong.Reason,
            Note: "Nigeria abstained; France voted yes", Venue: wrong.Venue, Nature: wrong.Nature, Result: wrong.Result,
            Votes: new Dictionary<Guid, MemberVote>(wrong.Votes!) { [Nigeria] = MemberVote.Abstain, [Russia] = MemberVote.Absent });

        var events = CorrectOutcomeEndpoint.Decide(campaign, outcomeId, corrected, "li", T0.AddDays(1));

        events[0].ShouldBeOfType<OutcomeCorrected>().Note.ShouldBe("Nigeria abstained; France voted yes");
        events.Skip(1).Cast<TargetPositionRecorded>().Select(p => (p.TargetId, p.Position)).ShouldBe([(Russia, TargetPosition.Absent)]);
        CorrectOutcomeEndpoint.Validate(corrected with { Votes = wrong.Votes }, outcomeId, campaign, AllKnown).Status.ShouldBe(400);
    }

    [Fact]
    public void an_explanation_of_vote_attaches_to_a_target_that_has_a_position()
    {
        var campaign = Campaign.Fold([Launched, .. RecordOutcomeEndpoint.Decide(Campaign.Fold([Launched])!, Guid.NewGuid(), Agenda2014(), "maria", T0)])!;
        var explain = new ExplainVote(Chad, " https://press.un.org/en/2014/sc11720.doc.htm ", " Abstained: the Council is not the forum ");

        ExplainVoteEndpoint.Validate(explain, campaign).IsNone().ShouldBeTrue();
        ExplainVoteEndpoint.Validate(explain with { TargetId = Guid.NewGuid() }, campaign).ShouldBeOfType<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>()
            .Errors.Keys.ShouldBe(["targetId"]);
        var e = ExplainVoteEndpoint.Decide(campaign, explain, "li", T0.AddDays(1));
        e.ShouldBe(new VoteExplained(Id, Chad, "https://press.un.org/en/2014/sc11720.doc.htm", "Abstained: the Council is not the forum", "li", T0.AddDays(1)));
        campaign.Apply(e);
        WhipCount.From(campaign.Positions, new Dictionary<Guid, string>(), campaign.Explanations)
            .Targets.Single(t => t.TargetId == Chad).Explanations!.Single().Link.ShouldBe(e.Link);
    }
}
