using CampaignManager.Staff;

namespace CampaignManager.Partners;

public enum WebhookDeliveryStatus { Pending, Delivered, Failed, Gone, Stopped }

/// <summary>
/// One attempt to post a webhook. <see cref="Round"/> is 1 for the automatic attempts and goes up with each replay;
/// <see cref="Error"/> says what went wrong in words (a timeout, a refused connection, the status code's meaning).
/// </summary>
public record WebhookAttempt(int Round, int Number, DateTimeOffset At, int? StatusCode, long DurationMs, string? Error);

/// <summary>
/// One event for one subscription, and every attempt to deliver it: the delivery log. The id is derived from the
/// subscription and the event, so a batch the fan-out processes twice writes the same document, not a second one.
/// <see cref="Body"/> is exactly what is signed and posted; it holds no personal data (see <see cref="WebhookTypes"/>).
/// </summary>
public class WebhookDelivery
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    /// <summary>The Standard Webhooks <c>webhook-id</c>: the same on every attempt and replay, so receivers dedupe by it.</summary>
    public string WebhookId { get; set; } = "";
    public string Type { get; set; } = "";
    public string Body { get; set; } = "";
    public Guid EventId { get; set; }
    public long EventSequence { get; set; }
    public DateTimeOffset OccurredAt { get; set; }
    public WebhookDeliveryStatus Status { get; set; }
    public int Round { get; set; } = 1;
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? ReplayedBy { get; set; }
    public List<WebhookAttempt> Attempts { get; set; } = [];

    public static Guid IdFor(Guid subscriptionId, Guid eventId)
    {
        Span<byte> both = stackalloc byte[32];
        subscriptionId.TryWriteBytes(both[..16]);
        eventId.TryWriteBytes(both[16..]);
        return new Guid(SHA256.HashData(both)[..16]);
    }

    public static string WebhookIdFor(Guid deliveryId) => $"msg_{deliveryId:N}";
}

public record WebhookDeliveryView(Guid Id, string WebhookId, string Type, DateTimeOffset OccurredAt, WebhookDeliveryStatus Status,
    int Round, DateTimeOffset? NextAttemptAt, string? ReplayedBy, IReadOnlyList<WebhookAttempt> Attempts, JsonElement Payload);

public static class WebhookDeliveryLog
{
    public const int PageSize = 100;

    public static WebhookDeliveryView View(WebhookDelivery d) => new(d.Id, d.WebhookId, d.Type, d.OccurredAt, d.Status, d.Round,
        d.NextAttemptAt, d.ReplayedBy, d.Attempts, JsonDocument.Parse(d.Body).RootElement.Clone());

    /// <summary>The newest deliveries first: a receiver's trouble shows at the top.</summary>
    public static async Task<IReadOnlyList<WebhookDeliveryView>> Get(IQuerySession session, Guid subscriptionId, CancellationToken token) =>
        (await session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == subscriptionId)
            .OrderByDescending(d => d.EventSequence).Take(PageSize).ToListAsync(token)).Select(View).ToList();

    [WolverineGet("/api/webhooks/{id}/deliveries", Name = "GetWebhookDeliveries")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("The delivery log of a webhook subscription: its latest 100 deliveries, each attempt with its time, status code, duration and error (admin)")]
    [Tags("Webhooks")]
    public static async Task<IResult> GetDeliveries(Guid id, IQuerySession session, CancellationToken token) =>
        await session.LoadAsync<WebhookSubscription>(id, token) is null
            ? Results.Problem(Problems.NotFound("Webhook subscription", id))
            : Results.Ok(await Get(session, id, token));
}
