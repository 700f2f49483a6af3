using CampaignManager.Appeals;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Partners;

/// <summary>
/// Post one delivery: a durable local message, so a scheduled retry survives a restart and, on several nodes, runs
/// on exactly one of them. <see cref="Round"/> must match the delivery's, so a retry left over from before a replay
/// does nothing.
/// </summary>
public record DeliverWebhook(Guid DeliveryId, int Round = 1, int Attempt = 1);

/// <summary>What follows an attempt.</summary>
public abstract record WebhookOutcome
{
    public sealed record Delivered : WebhookOutcome;
    public sealed record RetryIn(TimeSpan Delay) : WebhookOutcome;
    public sealed record GaveUp : WebhookOutcome;
    /// <summary>410 Gone: the receiver asks us to stop; the subscription is disabled.</summary>
    public sealed record Gone : WebhookOutcome;
}

public static class DeliverWebhookHandler
{
    public const string System = "system";

    /// <summary>Any answer but 2xx and 410 is retried (a 400 may be a receiver bug fixed tomorrow), until the schedule runs out.</summary>
    public static WebhookOutcome Decide(DeliverWebhook message, WebhookResponse response, IReadOnlyList<TimeSpan> delays) => response switch
    {
        { Succeeded: true } => new WebhookOutcome.Delivered(),
        { StatusCode: 410 } => new WebhookOutcome.Gone(),
        _ when message.Attempt <= delays.Count => new WebhookOutcome.RetryIn(delays[message.Attempt - 1]),
        _ => new WebhookOutcome.GaveUp()
    };

    /// <summary>The delivery as it stands after the attempt, and the next message or the subscription's disabling.</summary>
    public static (WebhookDelivery Delivery, object? Next) Record(WebhookDelivery delivery, DeliverWebhook message, WebhookResponse response,
        WebhookOutcome outcome, DateTimeOffset at)
    {
        delivery.Attempts.Add(new WebhookAttempt(message.Round, message.Attempt, at, response.StatusCode, response.DurationMs, response.Error));
        delivery.NextAttemptAt = outcome is WebhookOutcome.RetryIn r ? at + r.Delay : null;
        delivery.Status = outcome switch
        {
            WebhookOutcome.Delivered => WebhookDeliveryStatus.Delivered,
            WebhookOutcome.RetryIn => WebhookDeliveryStatus.Pending,
            WebhookOutcome.Gone => WebhookDeliveryStatus.Gone,
            _ => WebhookDeliveryStatus.Failed
        };
        object? next = outcome switch
        {
            WebhookOutcome.RetryIn retry => (message with { Attempt = message.Attempt + 1 }).DelayedFor(retry.Delay),
            WebhookOutcome.Gone => new WebhookDisabled(delivery.SubscriptionId, delivery.Id,
                $"The receiver answered 410 Gone to {delivery.WebhookId}", System, at),
            _ => null
        };
        return (delivery, next);
    }

    /// <summary>A message whose delivery has moved on (delivered, replayed, or this attempt already recorded) does nothing.</summary>
    public static bool IsCurrent(WebhookDelivery? delivery, DeliverWebhook message) =>
        delivery is { Status: WebhookDeliveryStatus.Pending } && delivery.Round == message.Round
        && !delivery.Attempts.Any(a => a.Round == message.Round && a.Number == message.Attempt);

    /// <summary>
    /// A database fault before or after the post is retried, then rescheduled, never dropped: the post is idempotent for
    /// the receiver (same webhook-id), so posting again after a fault while recording is the safe side.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(DeliveryFaults.IsDatabaseFault, "a database error around a webhook delivery")
            .RetryWithCooldown(DeliveryFaults.Cooldowns)
            .Then.ScheduleRetry(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30));

    public static async Task<OutgoingMessages> Handle(DeliverWebhook message, IDocumentSession session, WebhookSender sender,
        IOptions<WebhookSettings> settings, TimeProvider clock, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, token);
        if (!IsCurrent(delivery, message)) return outgoing;
        var subscription = await session.LoadAsync<WebhookSubscription>(delivery!.SubscriptionId, token);
        if (subscription is not { Status: WebhookStatus.Active })
        {
            // paused, disabled or removed since: staff can replay it once the subscription is active again
            delivery.Status = WebhookDeliveryStatus.Stopped;
            delivery.NextAttemptAt = null;
            session.Store(delivery);
            return outgoing;
        }
        var response = await sender.SendAsync(subscription.Url, subscription.Secret, delivery.WebhookId, clock.GetUtcNow(), delivery.Body, token);
        var (recorded, next) = Record(delivery, message, response, Decide(message, response, settings.Value.Delays), clock.GetUtcNow());
        session.Store(recorded);
        if (next is WebhookDisabled disabled) session.Events.Append(subscription.Id, disabled);
        else if (next is not null) outgoing.Add(next);
        return outgoing;
    }
}
