using System.Diagnostics;
using System.Net.Http.Json;
using CampaignManager.Letters;
using Marten;

namespace CampaignManager.Benchmarks;

/// <summary>p50/p95/p99 of one read, in milliseconds, over <see cref="Reads"/> sequential requests.</summary>
public record ReadLatency(string Path, int Reads, double P50, double P95, double P99, int Errors);

/// <summary>
/// The read paths of one letter with <c>size</c> signatures, each timed request by request so percentiles show. The
/// baseline is a plain Marten load of the letter document in the same run: the least any view of the letter costs.
/// The letter view and the public page should cost the same at 100 and at 10,000 signatures; "as of" and the staff
/// page are listed so a regression there shows too. Signatures are added through the public API, as signers do.
/// </summary>
public static class ReadScenario
{
    public static async Task<IReadOnlyList<ReadLatency>> RunAsync(HttpClient staff, IDocumentStore store, int size,
        int reads = 200, CancellationToken token = default)
    {
        var created = await staff.PostAsJsonAsync("/api/letters", new { title = "Read bench", subject = "S", body = "B", closing = "C" }, token);
        var letterId = (await created.Content.ReadFromJsonAsync<Created>(token))!.Id;
        (await staff.PostAsJsonAsync($"/api/letters/{letterId}/open", new { }, token)).EnsureSuccessStatusCode();
        await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = token },
            async (i, t) => (await staff.PostAsJsonAsync($"/api/letters/{letterId}/signatures", new
            {
                kind = i % 5 == 0 ? "organization" : "individual", name = $"Reader {i} Person{i % 97}", email = $"r{size}-{i}@example.org"
            }, t)).EnsureSuccessStatusCode());
        var asOf = DateTimeOffset.UtcNow.AddMinutes(1).ToString("O");
        var publicPage = (await staff.GetFromJsonAsync<Opened>($"/api/letters/{letterId}", token))!.PublicSignOnUrl!;
        // anonymous, as a signer arrives: no cookie, no token
        using var anonymous = new HttpClient { BaseAddress = staff.BaseAddress };

        var results = new List<ReadLatency>
        {
            await TimeAsync("baseline: Marten load of the Letter doc", reads, async () =>
            {
                await using var session = store.QuerySession();
                _ = await session.LoadAsync<Letter>(letterId, token) ?? throw new InvalidOperationException("no letter");
            }),
            await TimeAsync("GET /api/letters/{id}", reads, () => GetAsync(staff, $"/api/letters/{letterId}", token)),
            await TimeAsync("GET /sign/{token}", reads, () => GetAsync(anonymous, publicPage, token)),
            await TimeAsync("GET /letters/{id} (staff page)", reads, () => GetAsync(staff, $"/letters/{letterId}", token)),
            await TimeAsync("GET /api/letters (list)", reads, () => GetAsync(staff, "/api/letters", token)),
            await TimeAsync("GET /api/letters/{id}?asOf=", Math.Max(10, reads / 10),
                () => GetAsync(staff, $"/api/letters/{letterId}?asOf={Uri.EscapeDataString(asOf)}", token))
        };
        return results;
    }

    private static async Task GetAsync(HttpClient http, string path, CancellationToken token)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead, token);
        response.EnsureSuccessStatusCode();
    }

    private static async Task<ReadLatency> TimeAsync(string path, int reads, Func<Task> read)
    {
        for (var i = 0; i < 5; i++) await read(); // warm: JIT, plans, pools
        var times = new List<double>(reads);
        var errors = 0;
        for (var i = 0; i < reads; i++)
        {
            var watch = Stopwatch.StartNew();
            try { await read(); }
            catch (HttpRequestException) { errors++; }
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return new ReadLatency(path, reads, At(0.50), At(0.95), At(0.99), errors);
    }

    private sealed record Created(Guid Id);
    private sealed record Opened(string? PublicSignOnUrl);
}
