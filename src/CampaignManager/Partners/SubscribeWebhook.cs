using CampaignManager.Staff;

namespace CampaignManager.Partners;

/// <summary>Subscribe a receiver's URL to some of <see cref="WebhookTypes.All"/>.</summary>
public record SubscribeWebhook(string? Url, IReadOnlyList<string?>? EventTypes, string? Description);

/// <summary><c>url</c> is the subscription's own address in the API. <see cref="Secret"/> is in this answer only: the receiver's operator stores it to verify signatures.</summary>
public record NewWebhookResponse(Guid Id, IReadOnlyList<string> EventTypes, string Secret)
    : CreationResponse<Guid>($"/api/webhooks/{Id}", Id);

public static class SubscribeWebhookEndpoint
{
    public static ProblemDetails Validate(SubscribeWebhook command, IOptions<WebhookSettings> settings) =>
        Problems.Validation(Check(new FieldErrors(), command, settings.Value.AllowPrivateAddresses));

    public static FieldErrors Check(FieldErrors errors, SubscribeWebhook command, bool allowPrivate)
    {
        WebhookAddress.Check(errors, "url", command.Url, allowPrivate);
        if (command.EventTypes is not { Count: > 0 } types)
            return errors.Add("eventTypes", $"must name at least one of: {string.Join(", ", WebhookTypes.All)}").MaxLength("description", command.Description, 500);
        for (var i = 0; i < types.Count; i++)
            if (types[i] is not { } type || !WebhookTypes.All.Contains(type))
                errors.Add($"eventTypes[{i}]", $"must be one of: {string.Join(", ", WebhookTypes.All)}");
        return errors.MaxLength("description", command.Description, 500);
    }

    /// <summary>A Standard Webhooks key: <c>whsec_</c> and 32 random bytes in base64 (the spec asks for 24 to 64).</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static WebhookSubscribed Decide(Guid id, SubscribeWebhook command, string secret, string by, DateTimeOffset at) =>
        new(id, command.Url!.Trim(), command.EventTypes!.Select(t => t!).Distinct().ToList(), secret,
            string.IsNullOrWhiteSpace(command.Description) ? null : command.Description.Trim(), by, at);

    [WolverinePost("/api/webhooks", Name = "SubscribeWebhook")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Subscribe a URL to webhook events; the answer carries the signing secret, shown this once (admin)")]
    [Tags("Webhooks")]
    public static (NewWebhookResponse, IStartStream) Post(SubscribeWebhook command, HttpContext context, TimeProvider clock)
    {
        var subscribed = Decide(Guid.CreateVersion7(), command, NewSecret(), context.User.ActorName(), clock.GetUtcNow());
        return (new NewWebhookResponse(subscribed.SubscriptionId, subscribed.EventTypes, subscribed.Secret),
            MartenOps.StartStream<WebhookSubscription>(subscribed.SubscriptionId, subscribed));
    }
}
