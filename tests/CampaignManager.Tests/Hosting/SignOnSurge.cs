using CampaignManager.Tests.Appeals;
using System.Collections.Concurrent;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Hosting;

/// <summary>One sign-on's answer as the client saw it; an exception (timeout, reset) is recorded rather than thrown.</summary>
public record SurgeAnswer(string Name, int Status, string? ContentType, string? RetryAfter, Guid? SignatureId, bool AfterRestart, string? Failure,
    TimeSpan Took = default);

/// <summary>
/// Distinct sign-ons from several clients at once, as fast as the app answers, until <see cref="Stop"/>. Every answer
/// is kept, so the test can hold the app to each one: a 2xx is a promise, anything else must be a clean refusal.
/// </summary>
public sealed class SignOnSurge(HttpClient http, Guid letter)
{
    private volatile bool _stopped;
    private volatile bool _restarted;

    public ConcurrentQueue<SurgeAnswer> Answers { get; } = new();

    public IEnumerable<SurgeAnswer> Acknowledged => Answers.Where(a => a.Status is >= 200 and < 300);

    /// <summary>Marks every answer from now on as coming after the server was back.</summary>
    public void Restarted() => _restarted = true;

    public void Stop() => _stopped = true;

    public Task RunAsync(int clients) => Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
    {
        for (var i = 0; !_stopped; i++) Answers.Enqueue(await SignAsync($"Surge org {client}-{i} {Guid.NewGuid():N}"));
    }));

    public async Task<SurgeAnswer> SignAsync(string name)
    {
        var after = _restarted;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsJsonAsync($"/api/letters/{letter}/signatures", new { kind = "organization", name });
            var id = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<SignatoryView>(AppProcess.Json))!.Id : (Guid?)null;
            return new SurgeAnswer(name, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType,
                response.Headers.RetryAfter?.ToString(), id, after,
                response.StatusCode is HttpStatusCode.ServiceUnavailable || response.IsSuccessStatusCode ? null : await response.Content.ReadAsStringAsync(),
                clock.Elapsed);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new SurgeAnswer(name, 0, null, null, null, after, e.GetType().Name + ": " + e.Message, clock.Elapsed);
        }
    }

    /// <summary>The letter's signatories, a page at a time through the cursor a client follows.</summary>
    public async Task<HashSet<Guid>> SignatoriesAsync()
    {
        var ids = new HashSet<Guid>();
        string? after = null;
        do
        {
            var page = (await http.GetFromJsonAsync<SignatoryPage>(
                $"/api/letters/{letter}/signatories?limit=500{(after is null ? "" : $"&after={Uri.EscapeDataString(after)}")}", AppProcess.Json))!;
            ids.UnionWith(page.Signatories.Select(s => s.Id));
            after = page.Next;
        } while (after is not null);
        return ids;
    }
}
