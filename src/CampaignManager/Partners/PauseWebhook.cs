using CampaignManager.Staff;

namespace CampaignManager.Partners;

public record PauseWebhook;

public static class PauseWebhookEndpoint
{
    public static ProblemDetails Validate(WebhookSubscription subscription) => WebhookRules.MustBe(subscription, "paused", WebhookStatus.Active);

    public static WebhookPaused Decide(WebhookSubscription subscription, string by, DateTimeOffset at) => new(subscription.Id, by, at);

    /// <summary>Events while paused are not delivered to it; a retry that comes due stops, and can be replayed later.</summary>
    [WolverinePost("/api/webhooks/{id}/pause", Name = "PauseWebhook")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Pause a webhook subscription: nothing is delivered to it until it is resumed (admin)")]
    [Tags("Webhooks")]
    public static (WebhookChanged, Events) Post(PauseWebhook command, [WriteAggregate] WebhookSubscription subscription,
        HttpContext context, TimeProvider clock) =>
        WebhookRules.After(subscription, WebhookStatus.Paused, Decide(subscription, context.User.ActorName(), clock.GetUtcNow()));
}
