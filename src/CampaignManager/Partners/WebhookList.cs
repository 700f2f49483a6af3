using CampaignManager.Staff;

namespace CampaignManager.Partners;

/// <summary>A subscription as staff see it: never its secret.</summary>
public record WebhookSubscriptionView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, WebhookStatus Status,
    string? DisabledReason, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? SecretRotatedAt, int Version);

public static class WebhookList
{
    public static WebhookSubscriptionView View(WebhookSubscription s) => new(s.Id, s.Url, s.EventTypes, s.Description, s.Status,
        s.DisabledReason, s.CreatedBy, s.CreatedAt, s.SecretRotatedAt, s.Version);

    public static async Task<IReadOnlyList<WebhookSubscriptionView>> Get(IQuerySession session, CancellationToken token) =>
        (await session.Query<WebhookSubscription>().Where(s => s.Status != WebhookStatus.Removed).OrderBy(s => s.CreatedAt)
            .ToListAsync(token)).Select(View).ToList();

    [WolverineGet("/api/webhooks", Name = "GetWebhooks")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("The webhook subscriptions, without their secrets (admin)")]
    [Tags("Webhooks")]
    public static Task<IReadOnlyList<WebhookSubscriptionView>> GetAll(IQuerySession session, CancellationToken token) => Get(session, token);

    [WolverineGet("/api/webhooks/{id}", Name = "GetWebhook")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("One webhook subscription, without its secret (admin)")]
    [Tags("Webhooks")]
    public static async Task<IResult> GetOne(Guid id, IQuerySession session, CancellationToken token) =>
        Problems.OkOrNotFound(await session.LoadAsync<WebhookSubscription>(id, token) is { } s ? View(s) : null, "Webhook subscription", id);
}
