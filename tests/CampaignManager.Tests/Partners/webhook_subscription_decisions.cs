using JasperFx.Events;
using CampaignManager.Letters;
using CampaignManager.Partners;
using CampaignManager.Signatures;
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

    private static readonly WebhookSubscribed Subscribed = new(Id, "https://partner.example/hooks",
        [WebhookTypes.SignatureAdded, WebhookTypes.LetterFinalized], "whsec_c2VjcmV0", null, "test.admin", At);

    private static WebhookSubscription Subscription(params object[] then) => EventFold<WebhookSubscription>.Fold([Subscribed, .. then])!;

    private static IEvent Recorded(object data, long sequence) => new Event<object>(data) { Id = Guid.NewGuid(), Sequence = sequence };

    [Fact]
    public void pausing_an_active_subscription_is_recorded_and_a_paused_one_cannot_be_paused_again()
    {
        var active = Subscription();
        PauseWebhookEndpoint.Validate(active).IsNone().ShouldBeTrue();
        var paused = PauseWebhookEndpoint.Decide(active, "test.admin", At);
        paused.ShouldBe(new WebhookPaused(Id, "test.admin", At));
        PauseWebhookEndpoint.Validate(Subscription(paused)).Status.ShouldBe(409);
    }

    [Fact]
    public void a_subscription_disabled_by_a_410_can_be_resumed_and_a_removed_one_cannot()
    {
        var disabled = Subscription(new WebhookDisabled(Id, Guid.NewGuid(), "410", "system", At));
        (disabled.Status, disabled.DisabledReason).ShouldBe((WebhookStatus.Disabled, "410"));
        ResumeWebhookEndpoint.Validate(disabled).IsNone().ShouldBeTrue();
        var removed = Subscription(new WebhookRemoved(Id, "test.admin", At));
        ResumeWebhookEndpoint.Validate(removed).Status.ShouldBe(409);
        RotateWebhookSecretEndpoint.Validate(removed).Status.ShouldBe(409);
    }

    [Fact]
    public void a_rotated_secret_replaces_the_old_one()
    {
        var rotated = Subscription(RotateWebhookSecretEndpoint.Decide(Subscription(), "whsec_bmV3", "test.admin", At));
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
    public void the_fan_out_delivers_only_the_types_asked_for_and_only_events_recorded_while_the_subscription_was_on()
    {
        var letter = Guid.NewGuid();
        LetterFinalized Finalized(int version) => new(letter, version, "staff", At);
        var events = new object[]
        {
            Finalized(1), Subscribed, Finalized(2), new SignatureWithdrawn(Guid.NewGuid(), letter, "moved on", "staff", At),
            new WebhookPaused(Id, "test.admin", At), Finalized(3), new WebhookResumed(Id, "test.admin", At), Finalized(4)
        }.Select((e, i) => Recorded(e, i + 1)).ToList();
        var routes = new Dictionary<Guid, WebhookRoute>();
        var changed = new HashSet<WebhookRoute>();

        var deliveries = WebhookFanOut.Deliveries(events, routes, changed);

        deliveries.Select(d => d.EventSequence).ShouldBe([3L, 8L], "before subscribing and while paused: nothing");
        deliveries.ShouldAllBe(d => d.Type == WebhookTypes.LetterFinalized && d.SubscriptionId == Id);
        changed.ShouldHaveSingleItem().On.ShouldBeTrue("the route is stored as it stands after the page");
        var first = deliveries[0];
        first.Id.ShouldBe(WebhookDelivery.IdFor(Id, events[2].Id), "the same event fanned out twice writes the same delivery");
        first.WebhookId.ShouldBe($"msg_{first.Id:N}");
        var body = JsonDocument.Parse(first.Body).RootElement;
        body.GetProperty("type").GetString().ShouldBe("letter.finalized");
        body.GetProperty("data").GetProperty("textVersion").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void a_page_processed_after_a_pause_still_delivers_what_was_recorded_before_it_and_nothing_after()
    {
        var routes = new Dictionary<Guid, WebhookRoute> { [Id] = WebhookRoute.After(null, Subscribed)! };
        var letter = Guid.NewGuid();
        var page = new object[] { new LetterFinalized(letter, 1, "staff", At), new WebhookRemoved(Id, "test.admin", At), new LetterFinalized(letter, 2, "staff", At) }
            .Select((e, i) => Recorded(e, i + 20)).ToList();

        WebhookFanOut.Deliveries(page, routes).Select(d => d.EventSequence).ShouldBe([20L]);
        routes[Id].On.ShouldBeFalse();
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
