using CampaignManager.Campaigns;
using CampaignManager.Hosting;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace CampaignManager.Outcomes;

/// <summary>
/// The outcome's facts as they should have been recorded, and why. Appended as a new fact, never an overwrite:
/// the view shows the corrected values while the history keeps what was first recorded.
/// </summary>
public record CorrectOutcome(
    OutcomeKind? Kind, DateOnly? Date, string? Body, bool Consensus = false, VoteTally? Tally = null,
    ProceduralSupport? Support = null, IReadOnlyList<string>? Evidence = null, CampaignStatus? Status = null,
    string? Reason = null, string? Note = null)
{
    internal RecordOutcome AsRecord() => new(Kind, Date, Body, Consensus, Tally, Support, Evidence, Status, Reason);
}

public record OutcomeCorrectionResponse(Guid CampaignId, Guid OutcomeId, int Corrections);

public static class CorrectOutcomeEndpoint
{
    public static ProblemDetails Validate(CorrectOutcome command, Guid outcomeId, Campaign campaign)
    {
        var errors = command.AsRecord().Check(new FieldErrors()).Required("note", command.Note, 1000, multiLine: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        var outcome = campaign.Outcomes.FirstOrDefault(o => o.OutcomeId == outcomeId);
        if (outcome is null) return Problems.NotFound("Outcome", outcomeId);
        return outcome.Facts == command.AsRecord().Facts() with { Evidence = outcome.Facts.Evidence } &&
               outcome.Facts.Evidence.SequenceEqual(command.AsRecord().Facts().Evidence)
            ? Problems.Validation(new FieldErrors().Add("correction", "changes nothing compared to the recorded outcome"))
            : WolverineContinue.NoProblems;
    }

    public static OutcomeCorrected Decide(Campaign campaign, Guid outcomeId, CorrectOutcome command, string by, DateTimeOffset at) =>
        new(campaign.Id, outcomeId, command.AsRecord().Facts(), command.Note!.Trim(), by, at);

    [WolverinePost("/api/campaigns/{id}/outcomes/{outcomeId}/corrections", Name = "CorrectOutcome")]
    [Tags("Outcomes")]
    [EndpointSummary("Correct a recorded outcome; the earlier record stays in the history")]
    public static (OutcomeCorrectionResponse, OutcomeCorrected) Post(CorrectOutcome command, Guid outcomeId,
        [WriteAggregate] Campaign campaign, HttpContext context, TimeProvider clock)
    {
        var corrected = Decide(campaign, outcomeId, command, context.User.ActorName(), clock.GetUtcNow());
        var before = campaign.Outcomes.First(o => o.OutcomeId == outcomeId).History.Count;
        return (new OutcomeCorrectionResponse(campaign.Id, outcomeId, before), corrected);
    }
}
