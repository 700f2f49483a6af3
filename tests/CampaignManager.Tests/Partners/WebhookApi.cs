using CampaignManager.Partners;
using CampaignManager.Tests.Staff;

namespace CampaignManager.Tests.Partners;

public static class WebhookApi
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions();
        Infrastructure.ConfigureJson(options);
        return options;
    }

    public static async Task<NewWebhookResponse> SubscribeAsync(this IAlbaHost host, string url, params string[] eventTypes)
    {
        var result = await host.Scenario(x =>
        {
            x.AsAdmin().Post.Json(new { url, eventTypes = eventTypes.Length > 0 ? eventTypes : WebhookTypes.All, description = "test receiver" })
                .ToUrl("/api/webhooks");
            x.StatusCodeShouldBe(201);
        });
        return JsonSerializer.Deserialize<NewWebhookResponse>(result.ReadAsText(), Json)!;
    }

    public static async Task<IReadOnlyList<WebhookDeliveryView>> DeliveriesAsync(this IAlbaHost host, Guid subscriptionId)
    {
        var result = await host.Scenario(x =>
        {
            x.AsAdmin().Get.Url($"/api/webhooks/{subscriptionId}/deliveries");
            x.StatusCodeShouldBe(200);
        });
        return JsonSerializer.Deserialize<List<WebhookDeliveryView>>(result.ReadAsText(), Json)!;
    }

    public static async Task<WebhookSubscriptionView> WebhookAsync(this IAlbaHost host, Guid subscriptionId)
    {
        var result = await host.Scenario(x =>
        {
            x.AsAdmin().Get.Url($"/api/webhooks/{subscriptionId}");
            x.StatusCodeShouldBe(200);
        });
        return JsonSerializer.Deserialize<WebhookSubscriptionView>(result.ReadAsText(), Json)!;
    }

    public static Task<IScenarioResult> AdminPostAsync(this IAlbaHost host, string url, int expected) => host.Scenario(x =>
    {
        x.AsAdmin().Post.Json(new { }).ToUrl(url);
        x.StatusCodeShouldBe(expected);
    });
}
