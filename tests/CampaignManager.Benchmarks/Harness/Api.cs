using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignManager.Benchmarks.Harness;

/// <summary>The few API calls the scenarios share, as a client of the app would make them.</summary>
public static class Api
{
    public static async Task<Guid> OpenLetterAsync(HttpClient http, string title)
    {
        var created = await http.PostAsJsonAsync("/api/letters", new { title, subject = "S", body = "B", closing = "C" });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await http.PostAsJsonAsync($"/api/letters/{id}/open", new { })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A distinct signer for every <paramref name="n"/>; one in five signs as an organization.</summary>
    public static Task<HttpResponseMessage> SignAsync(HttpClient http, Guid letter, string prefix, int n, CancellationToken token = default) =>
        http.PostAsJsonAsync($"/api/letters/{letter}/signatures", n % 5 == 0
            ? new { kind = "organization", name = $"{prefix} Org {n}", email = $"{prefix}-{n}@example.org" }
            : (object)new { kind = "individual", name = $"{prefix} Person {n}", email = $"{prefix}-{n}@example.org" }, token);

    /// <summary>Fills a letter with <paramref name="count"/> distinct signers, a few at a time.</summary>
    public static Task FillAsync(HttpClient http, Guid letter, string prefix, int from, int count) =>
        Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (n, token) =>
            (await SignAsync(http, letter, prefix, n, token)).EnsureSuccessStatusCode());

    /// <summary>Every signatory (id, name) in the block, paged through the cursor the API hands out.</summary>
    public static async Task<List<(Guid Id, string Name)>> BlockAsync(HttpClient http, Guid letter)
    {
        var ids = new List<(Guid, string)>();
        string? after = null;
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>(
                $"/api/letters/{letter}/signatories?limit=500{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}");
            ids.AddRange(page.GetProperty("signatories").EnumerateArray()
                .Select(s => (s.GetProperty("id").GetGuid(), s.GetProperty("name").GetString() ?? "")));
            after = page.GetProperty("next").ValueKind == JsonValueKind.String ? page.GetProperty("next").GetString() : null;
        } while (after is not null);
        return ids;
    }
}
