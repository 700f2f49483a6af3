using System.Net.Http.Json;
using System.Text.Json;
using CampaignManager.Benchmarks.Harness;
using CampaignManager.Letters;
using Marten;

namespace CampaignManager.Benchmarks.Scenarios;

/// <summary>A letter filled through the API; <see cref="Middle"/> is a moment when half of its signers had signed.</summary>
public sealed record FilledLetter(Guid Id, int Signatures, DateTimeOffset Middle, string PublicPage);

/// <param name="ViewUnderLoad">The view read by <c>clients</c> callers at once, as the wrk run read it.</param>
public sealed record ReadResult(FilledLetter Letter, Measured Baseline, Measured View, Measured Page, Measured ViewUnderLoad,
    Measured PageUnderLoad, int Clients, long PeakRss);

/// <summary>
/// The letter view and the public sign-on page read one after another by one client, against the least any view of a
/// letter can cost: a plain Marten load of the letter document through the app's own store, on the same database.
/// </summary>
public static class LetterReads
{
    public static async Task<FilledLetter> FillAsync(HttpClient http, int signatures)
    {
        var id = await Api.OpenLetterAsync(http, $"Read {signatures}");
        var half = signatures / 2;
        await Api.FillAsync(http, id, $"r{signatures}", 0, half);
        var middle = DateTimeOffset.UtcNow;
        await Api.FillAsync(http, id, $"r{signatures}", half, signatures - half);
        var details = await http.GetFromJsonAsync<JsonElement>($"/api/letters/{id}");
        var page = details.GetProperty("publicSignOnUrl").GetString() ?? throw new InvalidOperationException("no public page");
        return new FilledLetter(id, signatures, middle, page);
    }

    public static async Task<ReadResult> RunAsync(AppUnderTest app, IDocumentStore store, int signatures, int reads, int clients)
    {
        await using var memory = PeakMemory.Watch(app.Process.Id);
        var letter = await FillAsync(app.Http, signatures);
        async Task<bool> Baseline()
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<Letter>(letter.Id) is not null;
        }
        async Task<bool> View() => (await app.Http.GetAsync($"/api/letters/{letter.Id}")).IsSuccessStatusCode;
        async Task<bool> Page() => (await app.Http.GetAsync(letter.PublicPage)).IsSuccessStatusCode;

        // warm-up: JIT, compiled queries, pools
        foreach (var read in new[] { Baseline, View, Page }) await Latency.SequentialAsync(10, read);
        var baseline = await Latency.SequentialAsync(reads, Baseline);
        var view = await Latency.SequentialAsync(reads, View);
        var page = await Latency.SequentialAsync(reads, Page);
        var viewUnderLoad = await ConcurrentReads.RunAsync(clients, reads * 4, View);
        var pageUnderLoad = await ConcurrentReads.RunAsync(clients, reads * 4, Page);
        return new ReadResult(letter, baseline, view, page, viewUnderLoad, pageUnderLoad, clients, await memory.StopAsync());
    }
}
