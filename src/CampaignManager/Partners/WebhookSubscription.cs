namespace CampaignManager.Partners;

public enum WebhookStatus { Active, Paused, Disabled, Removed }

/// <summary>
/// The subscription stream folded up, inline: a delivery reads it for the URL and the secret just before it posts, and
/// must not post for a subscription paused or removed a moment ago. (Which events it gets is the fan-out's own
/// <see cref="WebhookRoute"/>, kept in step with the event store.)
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
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SecretRotatedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }

    public static WebhookSubscription Create(WebhookSubscribed e) => new()
    {
        Id = e.SubscriptionId, Url = e.Url, EventTypes = [.. e.EventTypes], Secret = e.Secret, Description = e.Description,
        Status = WebhookStatus.Active, CreatedBy = e.By, CreatedAt = e.At, LastChangedAt = e.At
    };

    public void Apply(WebhookPaused e) => (Status, LastChangedAt) = (WebhookStatus.Paused, e.At);
    public void Apply(WebhookResumed e) => (Status, DisabledReason, LastChangedAt) = (WebhookStatus.Active, null, e.At);
    public void Apply(WebhookSecretRotated e) => (Secret, SecretRotatedAt, LastChangedAt) = (e.Secret, e.At, e.At);
    public void Apply(WebhookRemoved e) => (Status, LastChangedAt) = (WebhookStatus.Removed, e.At);
    public void Apply(WebhookDisabled e) => (Status, DisabledReason, LastChangedAt) = (WebhookStatus.Disabled, e.Reason, e.At);
    public void Apply(WebhookDeliveryReplayed e) => LastChangedAt = e.At;
}
