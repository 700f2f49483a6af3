using JasperFx.Events.Daemon;
using Wolverine.Marten.Subscriptions;

namespace CampaignManager.Partners;

/// <summary>
/// Turns committed events into deliveries: a Marten event subscription, run by Wolverine's agent distribution on one
/// node at a time (Solo or Balanced), that reads the store in order. For each page of events it writes the delivery
/// documents and their <see cref="DeliverWebhook"/> messages in the same transaction as its own progress, through
/// Wolverine's outbox, so a crash before the commit redoes the page and one after it never sees the page again:
/// every event is fanned out once. Deliveries then run on the durable local queue, on any node. Which subscription
/// gets which event is decided by <see cref="WebhookRoute"/>, kept by this same subscription.
/// </summary>
public sealed class WebhookFanOut : BatchSubscription
{
    public const string Name = "Webhooks";

    public WebhookFanOut() : base(Name)
    {
        foreach (var type in WebhookTypes.Sources.Concat(WebhookRoute.Sources)) IncludeType(type);
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
    /// The pure part, in event store order: subscription events switch <paramref name="routes"/> (changed ones are
    /// added to <paramref name="changed"/>), business events become a delivery for each route on at that point.
    /// </summary>
    public static List<WebhookDelivery> Deliveries(IEnumerable<IEvent> events, Dictionary<Guid, WebhookRoute> routes, ISet<WebhookRoute>? changed = null)
    {
        var deliveries = new List<WebhookDelivery>();
        foreach (var e in events)
        {
            if (e.Data is IWebhookSubscriptionEvent s)
            {
                if (WebhookRoute.After(routes.GetValueOrDefault(s.SubscriptionId), s) is { } route) changed?.Add(routes[s.SubscriptionId] = route);
                continue;
            }
            if (WebhookTypes.For(e.Data) is not { } fact) continue;
            foreach (var route in routes.Values.Where(r => r.Wants(fact.Type)))
            {
                var id = WebhookDelivery.IdFor(route.Id, e.Id);
                deliveries.Add(new WebhookDelivery
                {
                    Id = id, SubscriptionId = route.Id, WebhookId = WebhookDelivery.WebhookIdFor(id), Type = fact.Type, Body = Body(fact),
                    EventId = e.Id, EventSequence = e.Sequence, OccurredAt = fact.At, Status = WebhookDeliveryStatus.Pending
                });
            }
        }
        return deliveries;
    }

    public override async Task ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        IMessageBus bus, CancellationToken cancellationToken)
    {
        if (page.Events.Count == 0) return;
        var routes = (await operations.Query<WebhookRoute>().ToListAsync(cancellationToken)).ToDictionary(r => r.Id);
        var changed = new HashSet<WebhookRoute>();
        var deliveries = Deliveries(page.Events, routes, changed);
        foreach (var route in changed) operations.Store(route);
        // A page seen again (the subscription rewound or rebuilt from the start) must neither post again nor reset a
        // delivery's log: a delivery that exists is left as it is.
        var existing = deliveries.Count == 0 ? [] : (await operations.LoadManyAsync<WebhookDelivery>(cancellationToken, deliveries.Select(d => d.Id)))
            .Select(d => d.Id).ToHashSet();
        foreach (var delivery in deliveries.Where(d => !existing.Contains(d.Id)))
        {
            operations.Store(delivery);
            await bus.PublishAsync(new DeliverWebhook(delivery.Id));
        }
    }
}
