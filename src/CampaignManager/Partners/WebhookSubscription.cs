namespace CampaignManager.Partners;

public enum WebhookStatus { Active, Paused, Disabled, Removed }

/// <summary>
/// The subscription stream folded up, inline: the fan-out reads it for every batch of events and must not act on a
/// subscription that was paused or removed a moment ago. <see cref="SubscribedAtSequence"/> is the event store position
/// of <see cref="WebhookSubscribed"/>: events recorded before it are never delivered to it.
/// </summary>
public class WebhookSubscription
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Url { get; set; } = "";
    public List<string> EventTypes { get; set; } = [];
    public string Secret { get; set; } = "";
    public string? Description { get; set; }
    public WebhookStatus Status { get; set; }
    public string? DisabledReason { get; set; }
    public long SubscribedAtSequence { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SecretRotatedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }

    public static WebhookSubscription Create(IEvent<WebhookSubscribed> e) => new()
    {
        Id = e.Data.SubscriptionId, Url = e.Data.Url, EventTypes = [.. e.Data.EventTypes], Secret = e.Data.Secret,
        Description = e.Data.Description, Status = WebhookStatus.Active, SubscribedAtSequence = e.Sequence,
        CreatedBy = e.Data.By, CreatedAt = e.Data.At, LastChangedAt = e.Data.At
    };

    public void Apply(WebhookPaused e) => (Status, LastChangedAt) = (WebhookStatus.Paused, e.At);
    public void Apply(WebhookResumed e) => (Status, DisabledReason, LastChangedAt) = (WebhookStatus.Active, null, e.At);
    public void Apply(WebhookSecretRotated e) => (Secret, SecretRotatedAt, LastChangedAt) = (e.Secret, e.At, e.At);
    public void Apply(WebhookRemoved e) => (Status, LastChangedAt) = (WebhookStatus.Removed, e.At);
    public void Apply(WebhookDisabled e) => (Status, DisabledReason, LastChangedAt) = (WebhookStatus.Disabled, e.Reason, e.At);
    public void Apply(WebhookDeliveryReplayed e) => LastChangedAt = e.At;

    public bool Wants(string type) => Status == WebhookStatus.Active && EventTypes.Contains(type);
}
