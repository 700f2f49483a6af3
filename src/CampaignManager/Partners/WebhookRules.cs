namespace CampaignManager.Partners;

/// <summary>The answer to a change of a subscription: where it stands now.</summary>
public record WebhookChanged(Guid Id, WebhookStatus Status, int Version);

/// <summary>What each change of a subscription asks of its state: a wrong state is a 409 and changes nothing.</summary>
public static class WebhookRules
{
    public static ProblemDetails MustBe(WebhookSubscription subscription, string action, params WebhookStatus[] allowed) =>
        allowed.Contains(subscription.Status)
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"Webhook subscription {subscription.Id} is {subscription.Status.ToString().ToLowerInvariant()}, so it cannot be {action}.");

    public static (WebhookChanged, Events) After(WebhookSubscription subscription, WebhookStatus status, object change) =>
        (new WebhookChanged(subscription.Id, status, subscription.Version + 1), [change]);
}
