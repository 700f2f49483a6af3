using CampaignManager.Benchmarks.Harness;

namespace CampaignManager.Benchmarks.Scenarios;

public sealed record AsOfResult(Measured View, long PeakRss);

/// <summary>The letter view as it stood when half of a large letter's signers had signed (<c>?asOf=</c>).</summary>
public static class AsOfView
{
    public static async Task<AsOfResult> RunAsync(AppUnderTest app, FilledLetter letter, int reads)
    {
        var url = $"/api/letters/{letter.Id}?asOf={Uri.EscapeDataString(letter.Middle.ToString("O"))}";
        async Task<bool> Read() => (await app.Http.GetAsync(url)).IsSuccessStatusCode;
        await Latency.SequentialAsync(2, Read);
        await using var memory = PeakMemory.Watch(app.Process.Id);
        var view = await Latency.SequentialAsync(reads, Read);
        return new AsOfResult(view, await memory.StopAsync());
    }
}
