using CampaignManager.Campaigns;
using CampaignManager.Outcomes;

namespace CampaignManager.Tests.Outcomes;

/// <summary>
/// A decision that contradicts the body that took it is refused, naming the field: the Security Council has 15 members
/// and adopts with 9 votes, a veto only on substance; the General Assembly and its committees have no veto. A body the
/// app does not know keeps the looser rules every decision has.
/// </summary>
public class deciding_body_decisions
{
    private static readonly DateOnly VoteDay = new(2014, 12, 22);

    /// <summary>All fifteen Council members, voting as on 22 December 2014: 11 yes, 2 no, 2 abstaining.</summary>
    private static Dictionary<Guid, MemberVote> Council(int yes = 11, int no = 2, int abstain = 2, int absent = 0) =>
        Enumerable.Repeat(MemberVote.Yes, yes).Concat(Enumerable.Repeat(MemberVote.No, no))
            .Concat(Enumerable.Repeat(MemberVote.Abstain, abstain)).Concat(Enumerable.Repeat(MemberVote.Absent, absent))
            .ToDictionary(_ => Guid.NewGuid(), v => v);

    private static RecordOutcome Procedural(VoteTally tally, Dictionary<Guid, MemberVote>? votes = null, string body = "UN Security Council") => new(
        OutcomeKind.MeetingHeld, VoteDay, body, Tally: tally, Status: CampaignStatus.Achieved,
        Reason: "The situation is on the Council's agenda", Venue: "7353rd meeting", Nature: DecisionNature.Procedural,
        Result: DecisionResult.AdoptedByVote, Votes: votes);

    private static RecordOutcome Vetoed(string body, DecisionResult? result = DecisionResult.Vetoed) => new(
        OutcomeKind.ResolutionVetoed, new DateOnly(2020, 12, 16), body, Tally: new VoteTally(120, 10, 40),
        Status: CampaignStatus.NotAchieved, Reason: "vetoed", Nature: DecisionNature.Substantive, Result: result,
        VetoedBy: ["United States"]);

    private static IEnumerable<string> ErrorsOf(RecordOutcome command) =>
        command.Check(new FieldErrors(), new Voters(command.Votes?.Keys.ToHashSet() ?? [])).ToDictionary().Keys;

    [Fact]
    public void when_every_members_vote_is_given_the_tally_must_be_those_votes()
    {
        ErrorsOf(Procedural(new VoteTally(11, 2, 2), Council())).ShouldBeEmpty();
        ErrorsOf(Procedural(new VoteTally(12, 2, 2), Council())).ShouldBe(["tally"]);
        ErrorsOf(Procedural(new VoteTally(11, 3, 1), Council())).ShouldBe(["votes", "tally"], ignoreOrder: true);
    }

    [Fact]
    public void when_every_vote_is_given_with_a_member_absent_the_tally_leaves_the_absent_one_out()
    {
        var oneAbsent = Council(yes: 11, no: 2, abstain: 1, absent: 1);
        ErrorsOf(Procedural(new VoteTally(11, 2, 2), oneAbsent)).ShouldBe(["tally"]);
        ErrorsOf(Procedural(new VoteTally(11, 2, 1), oneAbsent)).ShouldBeEmpty();
    }

    [Fact]
    public void more_votes_than_the_council_has_members_are_refused()
    {
        ErrorsOf(Procedural(new VoteTally(11, 2, 2), Council(yes: 12))).ShouldBe(["votes"]);
        // fourteen members' votes given, one of them absent, beside a tally of fifteen: sixteen members
        ErrorsOf(Procedural(new VoteTally(11, 2, 2), Council(yes: 9, no: 2, abstain: 2, absent: 1))).ShouldBe(["votes"]);
    }

    [Fact]
    public void a_meeting_held_is_not_a_question_not_taken_up_whatever_the_body()
    {
        foreach (var body in new[] { "UN Security Council", "Regional Assembly" })
            ErrorsOf(new RecordOutcome(OutcomeKind.MeetingHeld, VoteDay, body, Status: CampaignStatus.Achieved, Reason: "held",
                Nature: DecisionNature.Procedural, Result: DecisionResult.NotTakenUp)).ShouldBe(["result"]);
    }

    [Fact]
    public void a_security_council_adoption_with_eight_votes_in_favour_is_refused_nine_are_needed()
    {
        ErrorsOf(Procedural(new VoteTally(8, 4, 3))).ShouldBe(["tally"]);
        ErrorsOf(Procedural(new VoteTally(9, 4, 2))).ShouldBeEmpty();
        ErrorsOf(Procedural(new VoteTally(8, 4, 3), body: "Board of Governors")).ShouldBeEmpty();
        ErrorsOf(Procedural(new VoteTally(9, 4, 2)) with { Result = DecisionResult.Rejected, Status = CampaignStatus.NotAchieved })
            .ShouldBe(["tally"]);
    }

    [Fact]
    public void a_twenty_vote_tally_in_the_fifteen_member_council_is_refused()
    {
        ErrorsOf(Procedural(new VoteTally(14, 3, 3))).ShouldBe(["tally"]);
        ErrorsOf(Procedural(new VoteTally(14, 3, 3), body: "Board of Governors")).ShouldBeEmpty();
        ErrorsOf(Procedural(new VoteTally(120, 20, 30), body: "UN General Assembly")).ShouldBeEmpty();
        ErrorsOf(Procedural(new VoteTally(160, 20, 20), body: "UN General Assembly")).ShouldBe(["tally"]);
    }

    [Fact]
    public void a_veto_in_the_general_assembly_or_one_of_its_committees_is_refused()
    {
        ErrorsOf(Vetoed("UN General Assembly")).ShouldBe(["result"]);
        ErrorsOf(Vetoed("UNGA Third Committee")).ShouldBe(["result"]);
        ErrorsOf(Vetoed("UN General Assembly", result: null)).ShouldBe(["kind"]);
        ErrorsOf(Vetoed("UN Security Council") with { Tally = new VoteTally(13, 1, 1) }).ShouldBeEmpty();
    }

    [Fact]
    public void a_procedural_question_in_the_council_cannot_be_vetoed()
    {
        ErrorsOf(Vetoed("UN Security Council") with { Tally = new VoteTally(13, 1, 1), Nature = DecisionNature.Procedural })
            .ShouldBe(["nature"]);
    }

    [Fact]
    public void a_blocked_meeting_in_the_council_counts_its_fifteen_members_and_the_nine_needed()
    {
        RecordOutcome Blocked(int members, int needed) => new(OutcomeKind.MeetingBlocked, new DateOnly(2019, 12, 10), "UN Security Council",
            Support: new ProceduralSupport(8, members, needed), Status: CampaignStatus.NotAchieved, Reason: "one short",
            Nature: DecisionNature.Procedural, Result: DecisionResult.NotTakenUp);
        ErrorsOf(Blocked(15, 9)).ShouldBeEmpty();
        ErrorsOf(Blocked(13, 9)).ShouldBe(["support"]);
        ErrorsOf(Blocked(15, 10)).ShouldBe(["support"]);
    }

    [Theory]
    [InlineData("UN Security Council", "UN Security Council")]
    [InlineData("the United Nations Security Council", "UN Security Council")]
    [InlineData("UNSC", "UN Security Council")]
    [InlineData("General Assembly", "UN General Assembly")]
    [InlineData("UN General Assembly's Third Committee", "UNGA Third Committee")]
    [InlineData("unga  third committee", "UNGA Third Committee")]
    [InlineData("Human Rights Council", "UN Human Rights Council")]
    public void a_body_is_known_by_the_names_staff_type_for_it(string typed, string known) =>
        DecidingBodies.Find(typed)!.Name.ShouldBe(known);

    [Theory]
    [InlineData("U.S. Department of State")]
    [InlineData("Security Council of the League")]
    [InlineData("")]
    public void a_body_the_app_does_not_know_has_no_rules_of_its_own(string typed) => DecidingBodies.Find(typed).ShouldBeNull();
}
