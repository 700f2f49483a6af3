using CampaignManager.Staff;

namespace CampaignManager.Partners;

public record ReplayWebhookDelivery;

public record WebhookReplayResponse(Guid DeliveryId, string WebhookId, int Round);

public static class ReplayWebhookDeliveryEndpoint
{
    public static Task<WebhookDelivery?> LoadAsync(Guid deliveryId, IDocumentSession session, CancellationToken token) =>
        session.LoadAsync<WebhookDelivery>(deliveryId, token);

    /// <summary>
    /// Only a finished delivery: one still pending has a retry due, and replaying it too would post it twice. Two
    /// replays at once both pass here; the subscription's stream version lets only one of them commit (409).
    /// </summary>
    public static ProblemDetails Validate(Guid deliveryId, WebhookSubscription subscription, WebhookDelivery? delivery) =>
        delivery is null || delivery.SubscriptionId != subscription.Id
            ? Problems.NotFound("Webhook delivery", deliveryId)
            : WebhookRules.MustBe(subscription, "replayed to", WebhookStatus.Active).Then(() => delivery.Status == WebhookDeliveryStatus.Pending
                ? Problems.Conflict($"Delivery {delivery.WebhookId} is still being tried (next attempt at {delivery.NextAttemptAt:u}); replay it once it has finished.")
                : WolverineContinue.NoProblems);

    /// <summary>
    /// A new round of attempts with the same webhook-id and body, signed afresh (a new timestamp, the current secret):
    /// a receiver that processed it already recognises it by its id, one that lost it processes it now.
    /// </summary>
    public static (WebhookDeliveryReplayed, WebhookDelivery, DeliverWebhook) Decide(WebhookDelivery delivery, string by, DateTimeOffset at)
    {
        var round = delivery.Round + 1;
        delivery.Round = round;
        delivery.Status = WebhookDeliveryStatus.Pending;
        delivery.NextAttemptAt = at;
        delivery.ReplayedBy = by;
        return (new WebhookDeliveryReplayed(delivery.SubscriptionId, delivery.Id, round, by, at), delivery, new DeliverWebhook(delivery.Id, round));
    }

    /// <summary>The replayed event, the delivery's new round and its message commit together.</summary>
    [WolverinePost("/api/webhooks/{id}/deliveries/{deliveryId}/replay", Name = "ReplayWebhookDelivery")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Send a finished webhook delivery again, with the same webhook-id (admin)")]
    [Tags("Webhooks")]
    public static (WebhookReplayResponse, Events, OutgoingMessages) Post(ReplayWebhookDelivery command, Guid deliveryId,
        [WriteAggregate] WebhookSubscription subscription, WebhookDelivery delivery, IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        var (replayed, updated, message) = Decide(delivery, context.User.ActorName(), clock.GetUtcNow());
        session.Store(updated);
        return (new WebhookReplayResponse(updated.Id, updated.WebhookId, updated.Round), [replayed], [message]);
    }
}
