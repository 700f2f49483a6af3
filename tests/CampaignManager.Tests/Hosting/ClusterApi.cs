using System.Collections.Concurrent;

namespace CampaignManager.Tests.Hosting;

/// <summary>The staff calls the cluster test makes, over plain HTTP to whichever node it names.</summary>
public static class ClusterApi
{
    public static async Task<Guid> PostForIdAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Targets.IdBody>())!.Id;
    }

    public static async Task<Guid> OpenLetterAsync(HttpClient http, string title)
    {
        var id = await PostForIdAsync(http, "/api/letters", new
        {
            title, subject = "U.S. membership of the UN Human Rights Council",
            body = "We urge the United States to stay engaged.", closing = "Sincerely,"
        });
        (await http.PostAsJsonAsync($"/api/letters/{id}/open", new { })).EnsureSuccessStatusCode();
        return id;
    }

    /// <summary>A final letter, and a target list of <paramref name="recipients"/> missions with addresses of this run's own.</summary>
    public static async Task<(Guid Letter, Guid TargetList, List<string> Emails)> PrepareAppealAsync(HttpClient http, int recipients)
    {
        var letter = await OpenLetterAsync(http, "Reconsider the withdrawal");
        (await http.PostAsJsonAsync($"/api/letters/{letter}/signatures", new { kind = "organization", name = "Human Rights Watch" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{letter}/close", new { })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{letter}/finalize", new { })).EnsureSuccessStatusCode();

        var emails = Enumerable.Range(1, recipients).Select(i => $"mission-{i:000}-{Guid.NewGuid():N}@un.example").ToList();
        var targets = new ConcurrentDictionary<int, Guid>();
        var work = new ConcurrentQueue<int>(Enumerable.Range(0, recipients));
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            while (work.TryDequeue(out var i))
                targets[i] = await PostForIdAsync(http, "/api/targets", new { name = $"Mission {i + 1:000}", email = emails[i] });
        }));
        var list = await PostForIdAsync(http, "/api/target-lists",
            new { name = "All missions", targetIds = targets.OrderBy(t => t.Key).Select(t => t.Value) });
        return (letter, list, emails);
    }
}
