using CampaignManager.Partners;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Staff;

namespace CampaignManager.Tests.Partners;

[Collection(PartnersCollection.Name)]
public class managing_webhook_subscriptions(PartnersFixture fixture) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private async Task<(WebhookReceiverProcess Receiver, NewWebhookResponse Subscription)> ReceiverAsync(params string[] types)
    {
        var receiver = new WebhookReceiverProcess();
        var subscription = await Host.SubscribeAsync(receiver.Url, types);
        receiver.Secret = subscription.Secret;
        await receiver.StartAsync();
        return (receiver, subscription);
    }

    private static Task<IReadOnlyList<ReceivedWebhook>> Received(WebhookReceiverProcess receiver) => Task.FromResult(receiver.Received());

    private static string? SignatureIn(ReceivedWebhook r) => r.Payload.GetProperty("data").GetProperty("signatureId").GetString();

    [Fact]
    public async Task subscribing_a_relative_url_or_an_unknown_event_type_is_a_400_naming_the_fields_and_records_nothing()
    {
        var result = await Scenario(x =>
        {
            x.AsAdmin().Post.Json(new { url = "/hooks", eventTypes = new[] { "signature.added", "letter.deleted" } }).ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(400);
        });
        var errors = JsonDocument.Parse(result.ReadAsText()).RootElement.GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).Order().ShouldBe(["eventTypes[1]", "url"]);
        await using var session = Store.QuerySession();
        (await session.Events.QueryAllRawEvents().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task only_an_admin_may_subscribe_or_read_the_subscriptions_and_their_deliveries()
    {
        foreach (var role in new[] { "editor", "viewer" })
        {
            await Scenario(x =>
            {
                x.WithRequestHeader(TestStaffAuthentication.RoleHeader, role);
                x.Post.Json(new { url = "https://partner.example/hooks", eventTypes = WebhookTypes.All }).ToUrl("/api/webhooks");
                x.StatusCodeShouldBe(403);
            });
            await Scenario(x =>
            {
                x.WithRequestHeader(TestStaffAuthentication.RoleHeader, role);
                x.Get.Url("/api/webhooks");
                x.StatusCodeShouldBe(403);
            });
        }
        await using var session = Store.QuerySession();
        (await session.Query<WebhookSubscription>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_secret_is_in_the_answer_to_subscribing_and_nowhere_after()
    {
        var subscription = await Host.SubscribeAsync("https://partner.example/hooks", WebhookTypes.LetterFinalized);
        subscription.Secret.ShouldStartWith("whsec_");
        foreach (var url in new[] { "/api/webhooks", $"/api/webhooks/{subscription.Id}", $"/api/webhooks/{subscription.Id}/deliveries" })
        {
            var result = await Scenario(x => x.AsAdmin().Get.Url(url));
            result.ReadAsText().ShouldNotContain(subscription.Secret[6..12], customMessage: url);
        }
        var view = await Host.WebhookAsync(subscription.Id);
        (view.Url, view.Status, view.EventTypes.Single()).ShouldBe(("https://partner.example/hooks", WebhookStatus.Active, "letter.finalized"));
    }

    [Fact]
    public async Task a_replay_sends_a_delivered_webhook_again_under_the_same_webhook_id_and_two_replays_at_once_send_it_once()
    {
        var letter = await Host.OpenDraftAsync();
        var (receiver, subscription) = await ReceiverAsync(WebhookTypes.SignatureAdded);
        await using var _ = receiver;
        await Host.SignAsync(letter, LetterApi.Organization("Replayed Coalition"));
        var delivered = (await Eventually.UntilAsync(() => Host.DeliveriesAsync(subscription.Id),
            d => d.Count == 1 && d[0].Status == WebhookDeliveryStatus.Delivered, Deadline, "the first delivery")).Single();

        var replays = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Scenario(x =>
        {
            x.AsAdmin().Post.Json(new { }).ToUrl($"/api/webhooks/{subscription.Id}/deliveries/{delivered.Id}/replay");
            x.IgnoreStatusCode();
        })));
        replays.Select(r => r.Context.Response.StatusCode).Order().ToArray().ShouldBe(new[] { 200, 409 }, "one replay wins the race, the other is refused");

        var received = await Eventually.UntilAsync(() => Received(receiver), r => r.Count == 2, Deadline, "the replay received");
        received.Select(r => r.Id).Distinct().ShouldBe([delivered.WebhookId], "receivers dedupe a replay by its webhook-id");
        received.ShouldAllBe(r => r.Valid);
        var log = await Eventually.UntilAsync(() => Host.DeliveriesAsync(subscription.Id),
            d => d.Single().Status == WebhookDeliveryStatus.Delivered && d.Single().Round == 2, Deadline, "round 2 delivered");
        log.Single().Attempts.Select(a => (a.Round, a.Number, a.StatusCode)).ShouldBe([(1, 1, 200), (2, 1, 200)]);
        log.Single().ReplayedBy.ShouldBe("test.admin");
        // the first round's attempts leave a second replay possible later; an unknown delivery is a 404
        await Host.AdminPostAsync($"/api/webhooks/{subscription.Id}/deliveries/{Guid.NewGuid()}/replay", 404);
        (receiver.Received().Count).ShouldBe(2, "nothing sent for the refused replay");
    }

    [Fact]
    public async Task events_while_paused_are_not_delivered_and_delivery_resumes_with_the_next_event()
    {
        var letter = await Host.OpenDraftAsync();
        var (receiver, subscription) = await ReceiverAsync(WebhookTypes.SignatureAdded);
        await using var _ = receiver;

        await Host.AdminPostAsync($"/api/webhooks/{subscription.Id}/pause", 200);
        await Host.AdminPostAsync($"/api/webhooks/{subscription.Id}/pause", 409);
        var whilePaused = await Host.SignAsync(letter, LetterApi.Organization("Signed While Paused"));
        await Host.AdminPostAsync($"/api/webhooks/{subscription.Id}/resume", 200);
        var afterwards = await Host.SignAsync(letter, LetterApi.Organization("Signed After Resuming"));

        // events are fanned out in order: once the later one arrived, the paused one was seen and passed over
        var received = await Eventually.UntilAsync(() => Received(receiver), r => r.Count >= 1, Deadline, "the signature after resuming");
        received.Select(SignatureIn).ShouldBe([afterwards.Id.ToString()]);
        (await Host.DeliveriesAsync(subscription.Id)).ShouldNotContain(d => d.Payload.GetRawText().Contains(whilePaused.Id.ToString()));
    }

    [Fact]
    public async Task a_receiver_answering_410_gone_disables_the_subscription_until_an_admin_resumes_it()
    {
        var letter = await Host.OpenDraftAsync();
        var (receiver, subscription) = await ReceiverAsync(WebhookTypes.SignatureAdded);
        await using var _ = receiver;
        receiver.AnswerWith(410);

        await Host.SignAsync(letter, LetterApi.Organization("Gone Coalition"));
        var disabled = await Eventually.UntilAsync(() => Host.WebhookAsync(subscription.Id), s => s.Status == WebhookStatus.Disabled,
            Deadline, "the subscription disabled");
        disabled.DisabledReason.ShouldNotBeNull().ShouldContain("410");
        (await Host.DeliveriesAsync(subscription.Id)).Single().Attempts.ShouldHaveSingleItem("a 410 is not retried").StatusCode.ShouldBe(410);

        receiver.AnswerWith(null);
        await Host.AdminPostAsync($"/api/webhooks/{subscription.Id}/resume", 200);
        var back = await Host.SignAsync(letter, LetterApi.Organization("Welcome Back Coalition"));
        var received = await Eventually.UntilAsync(() => Received(receiver), r => r.Any(x => x.Answered == 200), Deadline, "delivered after resuming");
        received.Where(r => r.Answered == 200).Select(SignatureIn).ShouldBe([back.Id.ToString()]);
    }

    [Fact]
    public async Task after_a_secret_rotation_deliveries_verify_with_the_new_secret_only()
    {
        var letter = await Host.OpenDraftAsync();
        var (receiver, subscription) = await ReceiverAsync(WebhookTypes.SignatureAdded);
        await using var _ = receiver;

        var rotated = JsonDocument.Parse((await Host.AdminPostAsync($"/api/webhooks/{subscription.Id}/rotate-secret", 200)).ReadAsText())
            .RootElement.GetProperty("secret").GetString()!;
        rotated.ShouldNotBe(subscription.Secret);
        receiver.Secret = rotated;
        await Host.SignAsync(letter, LetterApi.Organization("Rotated Coalition"));

        var received = await Eventually.UntilAsync(() => Received(receiver), r => r.Count == 1, Deadline, "the delivery after rotating");
        received.Single().Valid.ShouldBeTrue(received.Single().Error);
    }
}
