using CampaignManager.Letters;

namespace CampaignManager.Campaigns;

public record AttachLetterToCampaign(Guid? LetterId);

/// <summary>Wraps the loaded letter so Wolverine does not try to bind it from the query string.</summary>
public record LetterLookup(Letter? Letter);

public record CampaignVersionResponse(Guid Id, int Version);

public static class AttachLetterToCampaignEndpoint
{
    public static async Task<LetterLookup> LoadAsync(AttachLetterToCampaign command, IQuerySession session, CancellationToken token) =>
        new(command.LetterId is { } id ? await session.LoadAsync<Letter>(id, token) : null);

    public static ProblemDetails Validate(AttachLetterToCampaign command, LetterLookup lookup, Campaign campaign)
    {
        var errors = new FieldErrors()
            .When(command.LetterId is null, "letterId", "is required")
            .When(command.LetterId is not null && lookup.Letter is null, "letterId", "is not a known letter");
        if (errors.Count > 0) return Problems.Validation(errors);
        return campaign.Letters.Any(l => l.LetterId == command.LetterId)
            ? Problems.Conflict($"Letter {command.LetterId} is already attached to this campaign.")
            : WolverineContinue.NoProblems;
    }

    public static LetterAttachedToCampaign Decide(Campaign campaign, Guid letterId, string by, DateTimeOffset at) =>
        new(campaign.Id, letterId, by, at);

    [WolverinePost("/api/campaigns/{id}/letters", Name = "AttachLetterToCampaign")]
    [Tags("Campaigns")]
    [EndpointSummary("Attach a letter to a campaign")]
    public static (CampaignVersionResponse, LetterAttachedToCampaign) Post(AttachLetterToCampaign command, [WriteAggregate] Campaign campaign,
        HttpContext context, TimeProvider clock) =>
        (new CampaignVersionResponse(campaign.Id, campaign.Version + 1),
            Decide(campaign, command.LetterId!.Value, context.User.ActorName(), clock.GetUtcNow()));
}
