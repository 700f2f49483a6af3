using JasperFx.Events;
using CampaignManager.Partners;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Http;

namespace CampaignManager.Tests.Partners;

/// <summary>Given a subscription's events, when a change is asked for, then the event or the 409, and what the fan-out sends it.</summary>
public class webhook_subscription_decisions
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Id = Guid.NewGuid();

    private static WebhookSubscription Subscription(long sequence, params object[] then)
    {
        var subscribed = new WebhookSubscribed(Id, "https://partner.example/hooks", [WebhookTypes.SignatureAdded, WebhookTypes.LetterFinalized],
            "whsec_c2VjcmV0", null, "test.admin", At);
        var s = WebhookSubscription.Create(new Event<WebhookSubscribed>(subscribed) { Sequence = sequence });
        foreach (var e in then) EventFold<WebhookSubscription>.Apply(s, e);
        return s;
    }

    private static IEvent Recorded(object data, long sequence) => new Event<object>(data) { Id = Guid.NewGuid(), Sequence = sequence };

    [Fact]
    public void pausing_an_active_subscription_is_recorded_and_a_paused_one_cannot_be_paused_again()
    {
        var active = Subscription(1);
        PauseWebhookEndpoint.Validate(active).IsNone().ShouldBeTrue();
        var paused = PauseWebhookEndpoint.Decide(active, "test.admin", At);
        paused.ShouldBe(new WebhookPaused(Id, "test.admin", At));
        PauseWebhookEndpoint.Validate(Subscription(1, paused)).Status.ShouldBe(409);
    }

    [Fact]
    public void a_subscription_disabled_by_a_410_can_be_resumed_and_a_removed_one_cannot()
    {
        var disabled = Subscription(1, new WebhookDisabled(Id, Guid.NewGuid(), "410", "system", At));
        (disabled.Status, disabled.DisabledReason).ShouldBe((WebhookStatus.Disabled, "410"));
        ResumeWebhookEndpoint.Validate(disabled).IsNone().ShouldBeTrue();
        var removed = Subscription(1, new WebhookRemoved(Id, "test.admin", At));
        ResumeWebhookEndpoint.Validate(removed).Status.ShouldBe(409);
        RotateWebhookSecretEndpoint.Validate(removed).Status.ShouldBe(409);
    }

    [Fact]
    public void a_rotated_secret_replaces_the_old_one()
    {
        var rotated = Subscription(1, RotateWebhookSecretEndpoint.Decide(Subscription(1), "whsec_bmV3", "test.admin", At));
        (rotated.Secret, rotated.SecretRotatedAt).ShouldBe(("whsec_bmV3", At));
    }

    [Fact]
    public void a_new_secret_is_a_standard_webhooks_key_of_32_random_bytes()
    {
        var secret = SubscribeWebhookEndpoint.NewSecret();
        secret.ShouldStartWith("whsec_");
        Convert.FromBase64String(secret["whsec_".Length..]).Length.ShouldBe(32);
        SubscribeWebhookEndpoint.NewSecret().ShouldNotBe(secret);
    }

    [Fact]
    public void the_fan_out_delivers_only_the_types_asked_for_and_only_events_recorded_after_subscribing()
    {
        var letter = Guid.NewGuid();
        var before = Recorded(new CampaignManager.Letters.LetterFinalized(letter, 2, "staff", At), 4);
        var finalized = Recorded(new CampaignManager.Letters.LetterFinalized(letter, 3, "staff", At), 12);
        var withdrawn = Recorded(new CampaignManager.Signatures.SignatureWithdrawn(Guid.NewGuid(), letter, "moved on", "staff", At), 13);

        var deliveries = WebhookFanOut.Deliveries([before, finalized, withdrawn], [Subscription(10)]).ToList();

        var delivery = deliveries.ShouldHaveSingleItem();
        (delivery.Type, delivery.EventSequence, delivery.SubscriptionId).ShouldBe((WebhookTypes.LetterFinalized, 12, Id));
        delivery.Id.ShouldBe(WebhookDelivery.IdFor(Id, finalized.Id), "the same event fanned out twice writes the same delivery");
        delivery.WebhookId.ShouldBe($"msg_{delivery.Id:N}");
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe("letter.finalized");
        body.GetProperty("data").GetProperty("textVersion").GetInt32().ShouldBe(3);
        WebhookFanOut.Deliveries([finalized], [Subscription(10, new WebhookPaused(Id, "test.admin", At))]).ShouldBeEmpty("paused");
    }

    [Fact]
    public void the_url_must_be_absolute_http_or_https_and_public_unless_private_addresses_are_allowed()
    {
        static IReadOnlyList<string> Errors(string? url, bool allowPrivate = false)
        {
            var problem = SubscribeWebhookEndpoint.Validate(new SubscribeWebhook(url, [WebhookTypes.SignatureAdded], null),
                Options.Create(new WebhookSettings { AllowPrivateAddresses = allowPrivate }));
            return problem is HttpValidationProblemDetails v ? v.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")).ToList() : [];
        }

        Errors("https://partner.example/hooks").ShouldBeEmpty();
        Errors("http://203.0.113.7:8080/in").ShouldBeEmpty();
        foreach (var bad in new[] { null, "", "/hooks", "ftp://partner.example/", "partner.example/hooks", "https://user:pw@partner.example/" })
            Errors(bad).ShouldHaveSingleItem().ShouldStartWith("url: ", customMessage: bad);
        foreach (var internalAddress in new[] { "http://127.0.0.1:5000/", "http://localhost/", "http://10.1.2.3/", "http://169.254.169.254/latest",
                     "http://[::1]/", "http://192.168.0.10/", "http://172.20.0.1/", "http://[fd00::1]/" })
        {
            Errors(internalAddress).ShouldHaveSingleItem().ShouldContain("private", customMessage: internalAddress);
            Errors(internalAddress, allowPrivate: true).ShouldBeEmpty(internalAddress);
        }
    }

    [Fact]
    public void event_types_must_be_named_and_known()
    {
        static ProblemDetails Check(IReadOnlyList<string?>? types) => SubscribeWebhookEndpoint.Validate(
            new SubscribeWebhook("https://partner.example/", types, null), Options.Create(new WebhookSettings()));

        Check(null).ShouldBeOfType<HttpValidationProblemDetails>().Errors.Keys.ShouldBe(["eventTypes"]);
        Check([]).ShouldBeOfType<HttpValidationProblemDetails>().Errors.Keys.ShouldBe(["eventTypes"]);
        Check([WebhookTypes.SignatureAdded, "signature.deleted", null]).ShouldBeOfType<HttpValidationProblemDetails>()
            .Errors.Keys.ShouldBe(["eventTypes[1]", "eventTypes[2]"]);
        Check(WebhookTypes.All.ToList()).IsNone().ShouldBeTrue();
    }
}
