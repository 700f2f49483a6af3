namespace CampaignManager.Partners;

/// <summary>
/// The fan-out's own view of one subscription: which types it wants and whether it is on, as of the fan-out's position
/// in the event store, not as of now. The fan-out reads the subscription events in the same ordered stream as the
/// business events and stores this in the same transaction as its progress, so an event recorded while a
/// subscription was paused is never delivered to it, even when the fan-out reaches it after the resume, and one
/// recorded before a subscription existed never is either.
/// </summary>
public class WebhookRoute
{
    public Guid Id { get; set; }
    public List<string> EventTypes { get; set; } = [];
    public bool On { get; set; }

    public static readonly IReadOnlyList<Type> Sources =
        [typeof(WebhookSubscribed), typeof(WebhookPaused), typeof(WebhookResumed), typeof(WebhookDisabled), typeof(WebhookRemoved)];

    public bool Wants(string type) => On && EventTypes.Contains(type);

    /// <summary>The route after a subscription event; null for any other event. A route is never deleted, only turned off.</summary>
    public static WebhookRoute? After(WebhookRoute? route, object e) => e switch
    {
        WebhookSubscribed s => new WebhookRoute { Id = s.SubscriptionId, EventTypes = [.. s.EventTypes], On = true },
        WebhookPaused or WebhookDisabled or WebhookRemoved when route is not null => Switch(route, on: false),
        WebhookResumed when route is not null => Switch(route, on: true),
        _ => null
    };

    private static WebhookRoute Switch(WebhookRoute route, bool on)
    {
        route.On = on;
        return route;
    }
}
