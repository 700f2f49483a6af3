using CampaignManager.Staff;

namespace CampaignManager.Partners;

public record RotateWebhookSecret;

/// <summary>The new secret, shown this once.</summary>
public record WebhookSecretResponse(Guid Id, string Secret, int Version);

public static class RotateWebhookSecretEndpoint
{
    public static ProblemDetails Validate(WebhookSubscription subscription) =>
        WebhookRules.MustBe(subscription, "given a new secret", WebhookStatus.Active, WebhookStatus.Paused, WebhookStatus.Disabled);

    public static WebhookSecretRotated Decide(WebhookSubscription subscription, string secret, string by, DateTimeOffset at) =>
        new(subscription.Id, secret, by, at);

    /// <summary>
    /// No overlap with the old key: a leaked key must stop working at once. Deliveries in flight are signed with the
    /// new key from their next attempt, so the receiver should take the new key before rotating, or pause first.
    /// </summary>
    [WolverinePost("/api/webhooks/{id}/rotate-secret", Name = "RotateWebhookSecret")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Give a webhook subscription a new signing secret, shown in this answer only (admin)")]
    [Tags("Webhooks")]
    public static (WebhookSecretResponse, Events) Post(RotateWebhookSecret command, [WriteAggregate] WebhookSubscription subscription,
        HttpContext context, TimeProvider clock)
    {
        var rotated = Decide(subscription, SubscribeWebhookEndpoint.NewSecret(), context.User.ActorName(), clock.GetUtcNow());
        return (new WebhookSecretResponse(subscription.Id, rotated.Secret, subscription.Version + 1), [rotated]);
    }
}
