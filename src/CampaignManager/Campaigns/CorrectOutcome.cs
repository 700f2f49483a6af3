using CampaignManager.Outcomes;

namespace CampaignManager.Campaigns;

/// <summary>
/// The outcome's facts as they should have been recorded, and why. Appended as a new fact, never an overwrite:
/// the view shows the corrected values while the history keeps what was first recorded.
/// </summary>
public record CorrectOutcome(
    OutcomeKind? Kind, DateOnly? Date, string? Body, bool Consensus = false, VoteTally? Tally = null,
    ProceduralSupport? Support = null, IReadOnlyList<string>? Evidence = null, CampaignStatus? Status = null,
    string? Reason = null, string? Note = null, string? Venue = null, DecisionNature? Nature = null,
    DecisionResult? Result = null, IReadOnlyList<string>? VetoedBy = null, IReadOnlyDictionary<Guid, MemberVote>? Votes = null)
{
    internal RecordOutcome AsRecord() =>
        new(Kind, Date, Body, Consensus, Tally, Support, Evidence, Status, Reason, Venue, Nature, Result, VetoedBy, Votes);
}

public record OutcomeCorrectionResponse(Guid CampaignId, Guid OutcomeId, int Corrections);

public static class CorrectOutcomeEndpoint
{
    public static Task<Voters> LoadAsync(CorrectOutcome command, IQuerySession session, CancellationToken token) =>
        Voters.LoadAsync(command.Votes, session, token);

    public static ProblemDetails Validate(CorrectOutcome command, Guid outcomeId, Campaign campaign, Voters voters)
    {
        var errors = command.AsRecord().Check(new FieldErrors(), voters).Required("note", command.Note, 1000, multiLine: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (campaign.RetractedOutcomes.Any(o => o.OutcomeId == outcomeId))
            return Problems.Conflict($"Outcome {outcomeId} was retracted; record the decision again instead of correcting it.");
        var outcome = campaign.Outcomes.FirstOrDefault(o => o.OutcomeId == outcomeId);
        if (outcome is null) return Problems.NotFound("Outcome", outcomeId);
        return outcome.Facts.SameAs(command.AsRecord().Facts())
            ? Problems.Validation(new FieldErrors().Add("correction", "changes nothing compared to the recorded outcome"))
            : WolverineContinue.NoProblems;
    }

    /// <summary>
    /// The correction, then a whip-count position for each member whose corrected vote differs from the one recorded
    /// (all of them when the date moved). A vote the correction leaves out stays in the whip count as recorded.
    /// </summary>
    public static IReadOnlyList<object> Decide(Campaign campaign, Guid outcomeId, CorrectOutcome command, string by, DateTimeOffset at)
    {
        var facts = command.AsRecord().Facts();
        var before = campaign.Outcomes.First(o => o.OutcomeId == outcomeId).Facts;
        bool Changed(Guid member, MemberVote vote) => before.Date != facts.Date || before.Votes?.GetValueOrDefault(member) != vote ||
                                                       before.Votes?.ContainsKey(member) != true;
        return [new OutcomeCorrected(campaign.Id, outcomeId, facts, command.Note!.Trim(), by, at),
            .. Voters.Positions(campaign.Id, outcomeId, facts, Changed, by, at)];
    }

    [WolverinePost("/api/campaigns/{id}/outcomes/{outcomeId}/corrections", Name = "CorrectOutcome")]
    [Tags("Outcomes")]
    [EndpointSummary("Correct a recorded outcome; the earlier record stays in the history")]
    public static (OutcomeCorrectionResponse, Events) Post(CorrectOutcome command, Guid outcomeId,
        [WriteAggregate] Campaign campaign, HttpContext context, TimeProvider clock)
    {
        var events = Decide(campaign, outcomeId, command, context.User.ActorName(), clock.GetUtcNow());
        var before = campaign.Outcomes.First(o => o.OutcomeId == outcomeId).History.Count;
        return (new OutcomeCorrectionResponse(campaign.Id, outcomeId, before), new Events(events));
    }
}
