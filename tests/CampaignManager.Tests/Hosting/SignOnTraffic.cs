using CampaignManager.Tests.Appeals;
using System.Collections.Concurrent;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Hosting;

public record Acknowledged(Guid LetterId, Guid SignatureId, string Name, int NodeIndex);

/// <summary>
/// Sign-ons from several clients at once, spread round-robin over the nodes still in <see cref="Live"/>. A client that
/// loses its connection (the node was killed under it) tries the next node, as a browser behind a load balancer
/// would; the same signer again is answered with the signature already recorded, so the retry is safe.
/// Only 2xx answers count as acknowledged: those are the promises the test holds the cluster to.
/// </summary>
public sealed class SignOnTraffic(IReadOnlyList<HttpClient> nodes)
{
    private int _next;

    public ConcurrentBag<Acknowledged> Acknowledgements { get; } = [];
    public ConcurrentBag<string> Refusals { get; } = [];
    public int ConnectionFailures => _connectionFailures;
    private int _connectionFailures;

    /// <summary>Indexes of the nodes requests may go to; the test removes a node the moment it kills it.</summary>
    public ConcurrentDictionary<int, bool> Live { get; } = new(Enumerable.Range(0, nodes.Count).Select(i => KeyValuePair.Create(i, true)));

    public Task RunAsync(IEnumerable<(Guid Letter, string Organization)> signOns, int clients)
    {
        var work = new ConcurrentQueue<(Guid Letter, string Organization)>(signOns);
        return Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (work.TryDequeue(out var signOn)) await SignAsync(signOn.Letter, signOn.Organization);
        }));
    }

    private async Task SignAsync(Guid letter, string organization)
    {
        for (var attempt = 0; attempt < nodes.Count + 1; attempt++)
        {
            var live = Live.Where(n => n.Value).Select(n => n.Key).Order().ToArray();
            var index = live[(int)((uint)Interlocked.Increment(ref _next) % live.Length)];
            try
            {
                var response = await nodes[index].PostAsJsonAsync($"/api/letters/{letter}/signatures",
                    new { kind = "organization", name = organization });
                if (!response.IsSuccessStatusCode)
                {
                    Refusals.Add($"{organization} on node {index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                    return;
                }
                var signatory = (await response.Content.ReadFromJsonAsync<SignatoryView>(AppProcess.Json))!;
                Acknowledgements.Add(new Acknowledged(letter, signatory.Id, organization, index));
                return;
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref _connectionFailures);
            }
        }
        Refusals.Add($"{organization}: no node answered");
    }
}
