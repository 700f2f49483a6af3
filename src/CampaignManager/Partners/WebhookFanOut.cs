using JasperFx.Events.Daemon;
using Wolverine.Marten.Subscriptions;

namespace CampaignManager.Partners;

/// <summary>
/// Turns committed events into deliveries: a Marten event subscription, run by Wolverine's agent distribution on one
/// node at a time (Solo or Balanced), that reads the store in order. For each page of events it writes the delivery
/// documents and their <see cref="DeliverWebhook"/> messages in the same transaction as its own progress, through
/// Wolverine's outbox, so a crash before the commit redoes the page and one after it never sees the page again:
/// every event is fanned out once. Deliveries then run on the durable local queue, on any node.
/// </summary>
public sealed class WebhookFanOut : BatchSubscription
{
    public const string Name = "Webhooks";

    public WebhookFanOut() : base(Name)
    {
        foreach (var type in WebhookTypes.Sources) IncludeType(type);
    }

    /// <summary>Standard Webhooks' payload: the type, when it happened, and the type's own data.</summary>
    public static string Body(WebhookFact fact) => JsonSerializer.Serialize(
        new { type = fact.Type, timestamp = fact.At, data = fact.Data }, Json);

    private static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        Infrastructure.ConfigureJson(options);
        return options;
    }

    /// <summary>
    /// The pure part: which subscriptions get which event. A subscription sees only events recorded after it was
    /// made, and only while it is active when the page is processed (normally within a second of the event).
    /// </summary>
    public static IEnumerable<WebhookDelivery> Deliveries(IEnumerable<IEvent> events, IReadOnlyList<WebhookSubscription> subscriptions)
    {
        foreach (var e in events)
        {
            if (WebhookTypes.For(e.Data) is not { } fact) continue;
            foreach (var s in subscriptions.Where(s => s.Wants(fact.Type) && e.Sequence > s.SubscribedAtSequence))
            {
                var id = WebhookDelivery.IdFor(s.Id, e.Id);
                yield return new WebhookDelivery
                {
                    Id = id, SubscriptionId = s.Id, WebhookId = WebhookDelivery.WebhookIdFor(id), Type = fact.Type, Body = Body(fact),
                    EventId = e.Id, EventSequence = e.Sequence, OccurredAt = fact.At, Status = WebhookDeliveryStatus.Pending
                };
            }
        }
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0) return;
        var subscriptions = await operations.Query<WebhookSubscription>().Where(s => s.Status == WebhookStatus.Active).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0) return;
        foreach (var delivery in Deliveries(page.Events, subscriptions))
        {
            operations.Store(delivery);
            await bus.PublishAsync(new DeliverWebhook(delivery.Id));
        }
    }
}
