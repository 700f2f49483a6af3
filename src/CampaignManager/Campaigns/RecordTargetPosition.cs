using CampaignManager.Targets;

namespace CampaignManager.Campaigns;

/// <summary>One line of the whip count: where a target stood on <see cref="Date"/>, and who said so.</summary>
public record RecordTargetPosition(Guid? TargetId, TargetPosition? Position, DateOnly? Date, string? Source = null);

public static class RecordTargetPositionEndpoint
{
    public static Task<Reference<TargetDetails>> LoadAsync(RecordTargetPosition command, IQuerySession session, CancellationToken token) =>
        Reference<TargetDetails>.LoadAsync(command.TargetId, session, token);

    public static ProblemDetails Validate(RecordTargetPosition command, Reference<TargetDetails> target) => Problems.Validation(new FieldErrors()
        .Known("targetId", target, "target")
        .When(command.Position is null, "position",
            "is required: supports, opposes, undecided, coSponsor, votedYes, votedNo, abstained or absent")
        .When(command.Date is null, "date", "is required")
        .MaxLength("source", command.Source, 1000));

    public static TargetPositionRecorded Decide(Campaign campaign, RecordTargetPosition command, string by, DateTimeOffset at) =>
        new(campaign.Id, command.TargetId!.Value, command.Position!.Value, command.Date!.Value,
            TextRules.TrimToNull(command.Source), by, at);

    [WolverinePost("/api/campaigns/{id}/positions", Name = "RecordTargetPosition")]
    [Tags("Campaigns")]
    [EndpointSummary("Record a target's position in the campaign's whip count")]
    public static (CampaignVersionResponse, TargetPositionRecorded) Post(RecordTargetPosition command, [WriteAggregate] Campaign campaign,
        HttpContext context, TimeProvider clock) =>
        CampaignVersionResponse.After(campaign, Decide(campaign, command, context.User.ActorName(), clock.GetUtcNow()));
}
