namespace CampaignManager.Partners;

/// <summary>Every event on a subscription's stream names it, and who did it and when.</summary>
public interface IWebhookSubscriptionEvent
{
    Guid SubscriptionId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// An admin subscribed <see cref="Url"/> to these webhook event types. <see cref="Secret"/> is the Standard Webhooks
/// signing key (<c>whsec_</c> and base64); the API shows it once, in the answer to the subscription, and never again.
/// </summary>
public record WebhookSubscribed(Guid SubscriptionId, string Url, IReadOnlyList<string> EventTypes, string Secret,
    string? Description, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;

/// <summary>No new deliveries are made while paused; retries already scheduled stop at their next attempt.</summary>
public record WebhookPaused(Guid SubscriptionId, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;

public record WebhookResumed(Guid SubscriptionId, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;

/// <summary>Deliveries from now on are signed with the new key; the old one stops working at once.</summary>
public record WebhookSecretRotated(Guid SubscriptionId, string Secret, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;

public record WebhookRemoved(Guid SubscriptionId, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;

/// <summary>
/// The receiver answered 410 Gone: it says it does not want these webhooks any more (Standard Webhooks' advice is to
/// stop sending), so the subscription is disabled until an admin resumes it.
/// </summary>
public record WebhookDisabled(Guid SubscriptionId, Guid DeliveryId, string Reason, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;

/// <summary>Staff asked for a finished delivery to be sent again, with the same webhook-id.</summary>
public record WebhookDeliveryReplayed(Guid SubscriptionId, Guid DeliveryId, int Round, string By, DateTimeOffset At) : IWebhookSubscriptionEvent;
