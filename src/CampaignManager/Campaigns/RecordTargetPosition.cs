using CampaignManager.Targets;

namespace CampaignManager.Campaigns;

/// <summary>One line of the whip count: where a target stood on <see cref="Date"/>, and who said so.</summary>
public record RecordTargetPosition(Guid? TargetId, TargetPosition? Position, DateOnly? Date, string? Source = null);

public record TargetLookup(TargetDetails? Target);

public static class RecordTargetPositionEndpoint
{
    public static async Task<TargetLookup> LoadAsync(RecordTargetPosition command, IQuerySession session, CancellationToken token) =>
        new(command.TargetId is { } id ? await session.LoadAsync<TargetDetails>(id, token) : null);

    public static ProblemDetails Validate(RecordTargetPosition command, TargetLookup lookup) => Problems.Validation(new FieldErrors()
        .When(command.TargetId is null, "targetId", "is required")
        .When(command.TargetId is not null && lookup.Target is null, "targetId", "is not a known target")
        .When(command.Position is null, "position",
            "is required: supports, opposes, undecided, coSponsor, votedYes, votedNo, abstained or absent")
        .When(command.Date is null, "date", "is required")
        .MaxLength("source", command.Source, 1000));

    public static TargetPositionRecorded Decide(Campaign campaign, RecordTargetPosition command, string by, DateTimeOffset at) =>
        new(campaign.Id, command.TargetId!.Value, command.Position!.Value, command.Date!.Value,
            string.IsNullOrWhiteSpace(command.Source) ? null : command.Source.Trim(), by, at);

    [WolverinePost("/api/campaigns/{id}/positions", Name = "RecordTargetPosition")]
    [Tags("Campaigns")]
    [EndpointSummary("Record a target's position in the campaign's whip count")]
    public static (CampaignVersionResponse, TargetPositionRecorded) Post(RecordTargetPosition command, [WriteAggregate] Campaign campaign,
        HttpContext context, TimeProvider clock) =>
        (new CampaignVersionResponse(campaign.Id, campaign.Version + 1),
            Decide(campaign, command, context.User.ActorName(), clock.GetUtcNow()));
}
