using CampaignManager.Partners;
using CampaignManager.Tests.Appeals;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Partners;

/// <summary>
/// The receiver is a real process (tests/WebhookReceiver) verifying every signature with the StandardWebhooks
/// package. It is killed while signatures keep coming and started again only after the retries to it have come due
/// and failed: every signature still arrives, under one webhook-id each, correctly signed.
/// </summary>
[Collection(PartnersCollection.Name)]
public class riding_out_a_receiver_outage(PartnersFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static string SignatureIdOf(ReceivedWebhook r) => r.Payload.GetProperty("data").GetProperty("signatureId").GetString()!;

    private static HashSet<string> DistinctIds(IEnumerable<ReceivedWebhook> received) =>
        received.Where(r => r.Answered == 200).Select(r => r.Id).ToHashSet();

    [Fact]
    public async Task a_receiver_killed_while_signatures_keep_coming_gets_every_one_once_it_is_back_all_signed()
    {
        var letter = await Host.OpenDraftAsync();
        await using var receiver = new WebhookReceiverProcess();
        var subscription = await Host.SubscribeAsync(receiver.Url, WebhookTypes.SignatureAdded);
        receiver.Secret = subscription.Secret;
        await receiver.StartAsync();
        var signed = new List<Guid>();

        for (var i = 0; i < 3; i++) signed.Add((await Host.SignAsync(letter, LetterApi.Organization($"Before the outage {i}"))).Id);
        await Eventually.UntilAsync(() => Task.FromResult(receiver.Received()), r => DistinctIds(r).Count == 3, Deadline,
            "the first three signatures received");

        await receiver.KillAsync();
        for (var i = 0; i < 5; i++) signed.Add((await Host.SignAsync(letter, LetterApi.Organization($"During the outage {i}"))).Id);
        // down long enough that every one of the five was tried and retried twice, failing each time
        var during = await Eventually.UntilAsync(() => Host.DeliveriesAsync(subscription.Id),
            d => d.Count == 8 && d.Count(x => x.Status == WebhookDeliveryStatus.Pending && x.Attempts.Count >= 3) == 5, Deadline,
            "five deliveries retried twice while the receiver was down");
        during.Where(d => d.Status == WebhookDeliveryStatus.Pending).SelectMany(d => d.Attempts)
            .ShouldAllBe(a => a.StatusCode == null && a.Error != null, "a refused connection is logged with why, and no status code");

        await receiver.StartAsync();
        signed.Add((await Host.SignAsync(letter, LetterApi.Organization("After the outage"))).Id);
        var received = await Eventually.UntilAsync(() => Task.FromResult(receiver.Received()), r => DistinctIds(r).Count == signed.Count,
            Deadline, "every signature received once the receiver is back");

        received.ShouldAllBe(r => r.Valid, "every post verified against the subscription's secret");
        received.Select(SignatureIdOf).Distinct().Order().ShouldBe(signed.Select(s => s.ToString()).Order(), "no signature lost, none invented");
        received.GroupBy(r => r.Id).ShouldAllBe(g => g.Select(SignatureIdOf).Distinct().Count() == 1, "a webhook-id always names the same event");
        var log = await Eventually.UntilAsync(() => Host.DeliveriesAsync(subscription.Id),
            d => d.All(x => x.Status == WebhookDeliveryStatus.Delivered), Deadline, "the log shows every delivery delivered");
        log.Select(d => d.WebhookId).Order().ShouldBe(DistinctIds(received).Order());
        output.WriteLine($"attempts per delivery: {string.Join(", ", log.Select(d => d.Attempts.Count))}");
    }
}
