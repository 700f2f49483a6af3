using CampaignManager.Letters;

namespace CampaignManager.Campaigns;

public record AttachLetterToCampaign(Guid? LetterId);

public record CampaignVersionResponse(Guid Id, int Version)
{
    /// <summary>The answer to a command appending one event to the campaign, and that event: the version it makes.</summary>
    public static (CampaignVersionResponse, T) After<T>(Campaign campaign, T change) => (new(campaign.Id, campaign.Version + 1), change);
}

public static class AttachLetterToCampaignEndpoint
{
    public static Task<Reference<Letter>> LoadAsync(AttachLetterToCampaign command, IQuerySession session, CancellationToken token) =>
        Reference<Letter>.LoadAsync(command.LetterId, session, token);

    public static ProblemDetails Validate(AttachLetterToCampaign command, Reference<Letter> letter, Campaign campaign)
    {
        var errors = new FieldErrors().Known("letterId", letter, "letter");
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
        CampaignVersionResponse.After(campaign, Decide(campaign, command.LetterId!.Value, context.User.ActorName(), clock.GetUtcNow()));
}
