namespace CampaignManager.Campaigns;

/// <summary>
/// A campaign aims at one outcome at one venue (e.g. "UNGA Third Committee"), often by a decision date. A campaign
/// recorded after the fact names the day it began, so that "as of" views show it from then.
/// </summary>
public record LaunchCampaign(string Name, string Goal, string Venue, DateOnly? DecisionDate = null, DateOnly? BeganOn = null);

public record NewCampaignResponse(Guid Id) : CreationResponse<Guid>($"/api/campaigns/{Id}", Id);

public static class LaunchCampaignEndpoint
{
    public static ProblemDetails Validate(LaunchCampaign command) => Problems.Validation(new FieldErrors()
        .Required("name", command.Name, 300)
        .Required("goal", command.Goal, 2000, multiLine: true)
        .Required("venue", command.Venue, 300));

    public static CampaignLaunched Decide(Guid id, LaunchCampaign command, string by, DateTimeOffset at) =>
        new(id, command.Name.Trim(), command.Goal.Trim(), command.Venue.Trim(), command.DecisionDate, by, at, command.BeganOn);

    [WolverinePost("/api/campaigns", Name = "LaunchCampaign")]
    [Tags("Campaigns")]
    [EndpointSummary("Launch a campaign")]
    public static (NewCampaignResponse, IStartStream) Post(LaunchCampaign command, HttpContext context, TimeProvider clock)
    {
        var launched = Decide(Guid.CreateVersion7(), command, context.User.ActorName(), clock.GetUtcNow());
        return (new NewCampaignResponse(launched.CampaignId), MartenOps.StartStream<Campaign>(launched.CampaignId, launched));
    }
}
