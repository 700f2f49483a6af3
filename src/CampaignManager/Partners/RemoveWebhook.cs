using CampaignManager.Staff;

namespace CampaignManager.Partners;

public record RemoveWebhook;

public static class RemoveWebhookEndpoint
{
    public static ProblemDetails Validate(WebhookSubscription subscription) =>
        WebhookRules.MustBe(subscription, "removed", WebhookStatus.Active, WebhookStatus.Paused, WebhookStatus.Disabled);

    public static WebhookRemoved Decide(WebhookSubscription subscription, string by, DateTimeOffset at) => new(subscription.Id, by, at);

    /// <summary>The stream and its delivery log stay, as every history does; nothing is delivered to it again.</summary>
    [WolverinePost("/api/webhooks/{id}/remove", Name = "RemoveWebhook")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Remove a webhook subscription for good (admin)")]
    [Tags("Webhooks")]
    public static (WebhookChanged, Events) Post(RemoveWebhook command, [WriteAggregate] WebhookSubscription subscription,
        HttpContext context, TimeProvider clock) =>
        WebhookRules.After(subscription, WebhookStatus.Removed, Decide(subscription, context.User.ActorName(), clock.GetUtcNow()));
}
