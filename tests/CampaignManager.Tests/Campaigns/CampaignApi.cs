using CampaignManager.Campaigns;
using Microsoft.Extensions.Hosting;
using Wolverine.Marten;

namespace CampaignManager.Tests.Campaigns;

/// <summary>The HTTP calls staff make around campaigns, so tests read as the story they tell.</summary>
public static class CampaignApi
{
    public static async Task<Guid> LaunchAsync(this IAlbaHost host, string name = "Keep accountability in the DPRK resolution",
        string venue = "UNGA Third Committee", string? beganOn = null)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { name, goal = "The resolution keeps its accountability paragraphs", venue, decisionDate = "2020-12-16", beganOn })
                .ToUrl("/api/campaigns");
            x.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<LetterApi.Created>()!.Id;
    }

    public static async Task<Guid> TargetAsync(this IAlbaHost host, string name)
    {
        var result = await host.Scenario(x =>
        {
            x.Post.Json(new { name, title = "Permanent Representative" }).ToUrl("/api/targets");
            x.StatusCodeShouldBe(201);
        });
        return result.ReadAsJson<LetterApi.Created>()!.Id;
    }

    public static Task<IScenarioResult> PostAsync(this IAlbaHost host, string url, object body, int expected) =>
        host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(expected);
        });

    public static Task<IScenarioResult> AttachAsync(this IAlbaHost host, Guid campaignId, Guid letterId, int expected = 200) =>
        host.PostAsync($"/api/campaigns/{campaignId}/letters", new { letterId }, expected);

    public static Task<IScenarioResult> PositionAsync(this IAlbaHost host, Guid campaignId, Guid targetId, string position,
        string date, int expected = 200) =>
        host.PostAsync($"/api/campaigns/{campaignId}/positions", new { targetId, position, date, source = "call with the mission" }, expected);

    public static async Task<CampaignDetails> CampaignAsync(this IAlbaHost host, Guid id, string query = "") =>
        (await host.GetAsJson<CampaignDetails>($"/api/campaigns/{id}{query}"))!;

    /// <summary>Waits until the async projections have seen every event so far; never a sleep.</summary>
    public static Task CatchUpAsync(this IAlbaHost host) => ((IHost)host).PauseThenCatchUpOnMartenDaemonActivityAsync();
}
