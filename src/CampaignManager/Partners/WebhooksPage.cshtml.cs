using CampaignManager.Staff;

namespace CampaignManager.Partners;

/// <summary>Webhook subscriptions and their latest deliveries for admins; every form posts to the same /api/webhooks commands.</summary>
[Authorize(Policy = StaffAccess.Admin)]
public class WebhooksPageModel(IQuerySession session) : PageModel
{
    public const int DeliveriesShown = 20;

    public IReadOnlyList<(WebhookSubscriptionView Subscription, IReadOnlyList<WebhookDeliveryView> Deliveries)> Subscriptions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken token)
    {
        var subscriptions = await WebhookList.Get(session, token);
        var list = new List<(WebhookSubscriptionView, IReadOnlyList<WebhookDeliveryView>)>();
        foreach (var s in subscriptions) list.Add((s, (await WebhookDeliveryLog.Get(session, s.Id, token)).Take(DeliveriesShown).ToList()));
        Subscriptions = list;
    }
}
