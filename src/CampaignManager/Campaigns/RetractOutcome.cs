using CampaignManager.Outcomes;

namespace CampaignManager.Campaigns;

/// <summary>Take back an outcome recorded by mistake (the wrong campaign, a decision that never happened), and why.</summary>
public record RetractOutcome(string? Reason);

public static class RetractOutcomeEndpoint
{
    public static ProblemDetails Validate(RetractOutcome command, Guid outcomeId, Campaign campaign) =>
        Problems.Validation(new FieldErrors().Required("reason", command.Reason, 1000, multiLine: true))
            .Then(() => campaign.RetractedOutcomes.Any(o => o.OutcomeId == outcomeId)
                ? Problems.Conflict($"Outcome {outcomeId} was already retracted.")
                : campaign.Outcomes.Any(o => o.OutcomeId == outcomeId)
                    ? WolverineContinue.NoProblems
                    : Problems.NotFound("Outcome", outcomeId));

    /// <summary>
    /// The retraction, naming each member's vote the outcome put in the whip count so they stop counting. Votes recorded
    /// before positions named their outcome are known by being recorded with one of its versions: same moment, same
    /// person, same day and source, a member it gave a vote.
    /// </summary>
    public static OutcomeRetracted Decide(Campaign campaign, Guid outcomeId, RetractOutcome command, string by, DateTimeOffset at)
    {
        var outcome = campaign.Outcomes.First(o => o.OutcomeId == outcomeId);
        bool Cast(PositionEntry p) => p.OutcomeId == outcomeId || p.OutcomeId is null && outcome.History.Any(r =>
            r.At == p.At && r.By == p.By && r.Facts.Date == p.Date && p.Source == Voters.SourceOf(r.Facts) &&
            r.Facts.Votes?.ContainsKey(p.TargetId) == true);
        return new OutcomeRetracted(campaign.Id, outcomeId, command.Reason!.Trim(),
            campaign.Positions.Where(Cast).Select(p => new WithdrawnVote(p.TargetId, p.Date, p.At)).ToList(), by, at);
    }

    [WolverinePost("/api/campaigns/{id}/outcomes/{outcomeId}/retract", Name = "RetractOutcome")]
    [Tags("Outcomes")]
    [EndpointSummary("Retract an outcome recorded by mistake; it stays in the history and its member votes leave the whip count")]
    public static (CampaignVersionResponse, OutcomeRetracted) Post(RetractOutcome command, Guid outcomeId,
        [WriteAggregate] Campaign campaign, HttpContext context, TimeProvider clock) =>
        CampaignVersionResponse.After(campaign, Decide(campaign, outcomeId, command, context.User.ActorName(), clock.GetUtcNow()));
}
