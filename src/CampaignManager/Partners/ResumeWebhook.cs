using CampaignManager.Staff;

namespace CampaignManager.Partners;

public record ResumeWebhook;

public static class ResumeWebhookEndpoint
{
    /// <summary>Also a subscription disabled by a 410 Gone: its receiver's operator asked for it back.</summary>
    public static ProblemDetails Validate(WebhookSubscription subscription) =>
        WebhookRules.MustBe(subscription, "resumed", WebhookStatus.Paused, WebhookStatus.Disabled);

    public static WebhookResumed Decide(WebhookSubscription subscription, string by, DateTimeOffset at) => new(subscription.Id, by, at);

    [WolverinePost("/api/webhooks/{id}/resume", Name = "ResumeWebhook")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Resume a paused or disabled webhook subscription: events from now on are delivered (admin)")]
    [Tags("Webhooks")]
    public static (WebhookChanged, Events) Post(ResumeWebhook command, [WriteAggregate] WebhookSubscription subscription,
        HttpContext context, TimeProvider clock) =>
        WebhookRules.After(subscription, WebhookStatus.Active, Decide(subscription, context.User.ActorName(), clock.GetUtcNow()));
}
