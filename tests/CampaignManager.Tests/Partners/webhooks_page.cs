using CampaignManager.Partners;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Staff;

namespace CampaignManager.Tests.Partners;

[Collection(PartnersCollection.Name)]
public class webhooks_page(PartnersFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_admin_sees_each_subscription_with_its_delivery_log_and_a_replay_button_but_never_its_secret()
    {
        var letter = await Host.OpenDraftAsync();
        await using var receiver = new WebhookReceiverProcess();
        var subscription = await Host.SubscribeAsync(receiver.Url, WebhookTypes.SignatureAdded);
        receiver.Secret = subscription.Secret;
        await receiver.StartAsync();
        await Host.SignAsync(letter, LetterApi.Organization("Page Coalition"));
        var delivery = (await Eventually.UntilAsync(() => Host.DeliveriesAsync(subscription.Id),
            d => d.Count == 1 && d[0].Status == WebhookDeliveryStatus.Delivered, TimeSpan.FromSeconds(60), "the delivery")).Single();

        var html = await (await Scenario(x => x.AsAdmin().Get.Url("/webhooks"))).ReadAsTextAsync();

        html.ShouldContain(receiver.Url);
        html.ShouldContain(delivery.WebhookId);
        html.ShouldContain($"data-post=\"/api/webhooks/{subscription.Id}/deliveries/{delivery.Id}/replay\"");
        html.ShouldContain($"data-post=\"/api/webhooks/{subscription.Id}/pause\"");
        html.ShouldNotContain(subscription.Secret["whsec_".Length..]);
    }

    [Fact]
    public async Task an_editor_is_refused_the_webhooks_page()
    {
        await Scenario(x =>
        {
            x.Get.Url("/webhooks");
            x.StatusCodeShouldBe(403);
        });
    }
}
