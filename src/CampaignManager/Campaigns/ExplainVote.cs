namespace CampaignManager.Campaigns;

/// <summary>A target's explanation of its vote (or of the position it took), as published: a link and a short summary.</summary>
public record ExplainVote(Guid? TargetId, string? Link, string? Summary);

public static class ExplainVoteEndpoint
{
    public static ProblemDetails Validate(ExplainVote command, Campaign campaign)
    {
        var errors = new FieldErrors()
            .When(command.TargetId is null, "targetId", "is required")
            .When(!TextRules.IsWebLink(command.Link), "link", "must be an http(s) link")
            .MaxLength("link", command.Link, 2000)
            .Required("summary", command.Summary, 2000, multiLine: true);
        // an explanation belongs to a position; a target the campaign never whipped has nothing to explain here
        return Problems.Validation(errors.When(command.TargetId is { } id && campaign.Positions.All(p => p.TargetId != id), "targetId",
            "has no position in this campaign's whip count; record its position or vote first"));
    }

    public static VoteExplained Decide(Campaign campaign, ExplainVote command, string by, DateTimeOffset at) =>
        new(campaign.Id, command.TargetId!.Value, command.Link!.Trim(), command.Summary!.Trim(), by, at);

    [WolverinePost("/api/campaigns/{id}/explanations", Name = "ExplainVote")]
    [Tags("Campaigns")]
    [EndpointSummary("Attach an explanation of vote (a link and a summary) to a target's position in the whip count")]
    public static (CampaignVersionResponse, VoteExplained) Post(ExplainVote command, [WriteAggregate] Campaign campaign,
        HttpContext context, TimeProvider clock) =>
        CampaignVersionResponse.After(campaign, Decide(campaign, command, context.User.ActorName(), clock.GetUtcNow()));
}
