using CampaignManager.Partners;
using CampaignManager.Tests.Appeals;
using Xunit.Abstractions;
using static CampaignManager.Tests.Hosting.ClusterTables;

namespace CampaignManager.Tests.Partners;

/// <summary>Two app processes in Balanced mode; in the cluster collection, so it never runs beside the other cluster test.</summary>
[Collection(ClusterCollection.Name)]
public class delivering_once_per_event_across_nodes(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly Cluster _cluster = new(output);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    private static async Task<Guid> SignAsync(HttpClient node, Guid letter, string name) =>
        await ClusterApi.PostForIdAsync(node, $"/api/letters/{letter}/signatures", new { kind = "organization", name });

    [Fact]
    public async Task signatures_on_two_nodes_are_each_fanned_out_once_and_survive_the_fan_out_nodes_death()
    {
        var settings = new KeyValuePair<string, string>[] { new("Webhooks:AllowPrivateAddresses", "true") }
            .Concat(PartnersFixture.RetryDelays.Select((d, i) => new KeyValuePair<string, string>($"Webhooks:RetryDelays:{i}", d.ToString())));
        var (nodes, tables) = await _cluster.StartAsync(2, settings);
        await using var receiver = new WebhookReceiverProcess();
        var response = await nodes[0].PostAsJsonAsync("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { WebhookTypes.SignatureAdded } });
        response.EnsureSuccessStatusCode();
        var subscription = JsonSerializer.Deserialize<NewWebhookResponse>(await response.Content.ReadAsStringAsync(), WebhookApi.Json)!;
        receiver.Secret = subscription.Secret;
        await receiver.StartAsync();
        var letter = await ClusterApi.OpenLetterAsync(nodes[1], "Webhooks across nodes");

        var signed = (await Task.WhenAll(Enumerable.Range(0, 16).Select(i => SignAsync(nodes[i % 2], letter, $"Both Nodes {i:00}")))).ToList();
        var agents = await Eventually.UntilAsync(tables.AssignmentsAsync,
            a => a.Any(x => x.Agent.StartsWith(ProjectionAgentPrefix) && x.Agent.Contains("webhooks", StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(60), "the webhook fan-out assigned to a node");
        var fanOut = agents.First(x => x.Agent.StartsWith(ProjectionAgentPrefix) && x.Agent.Contains("webhooks", StringComparison.OrdinalIgnoreCase));
        var victim = _cluster.IndexOf(fanOut.NodeId);
        var survivor = nodes[1 - victim];
        output.WriteLine($"fan-out {fanOut.Agent} on node {victim}; killing it");

        _cluster.Kill(victim);
        for (var i = 0; i < 8; i++) signed.Add(await SignAsync(survivor, letter, $"Survivor {i:00}"));

        var received = await Eventually.UntilAsync(() => Task.FromResult(receiver.Received()),
            r => r.Select(x => x.Id).Distinct().Count() >= signed.Count, TimeSpan.FromSeconds(120), "every signature received");
        var log = JsonSerializer.Deserialize<List<WebhookDeliveryView>>(
            await survivor.GetStringAsync($"/api/webhooks/{subscription.Id}/deliveries"), WebhookApi.Json)!;

        received.ShouldAllBe(r => r.Valid);
        var bySignature = received.GroupBy(r => r.Id).Select(g => g.First().Payload.GetProperty("data").GetProperty("signatureId").GetGuid()).ToList();
        bySignature.Order().ShouldBe(signed.Order(), "one webhook-id per signature: none lost, none fanned out twice");
        log.Count.ShouldBe(signed.Count, "one delivery per event, whichever node recorded it and whichever ran the fan-out");
        output.WriteLine($"{received.Count} posts for {signed.Count} signatures (a post repeated only if a node died between posting and recording it)");
    }
}
