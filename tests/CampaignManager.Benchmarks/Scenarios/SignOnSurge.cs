using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CampaignManager.Benchmarks.Harness;

namespace CampaignManager.Benchmarks.Scenarios;

public sealed record SurgeResult(int Acknowledged, double PerSecond, Latency Latency, int Errors, int Lost, int Duplicated, long PeakRss);

/// <summary>
/// Distinct signers posting to one open letter from a fixed number of concurrent clients for a fixed time. The load
/// comes from HttpClient inside this process (not wrk), so every acknowledged id is known and checked afterwards; the
/// generator shares the machine's cores with the app and PostgreSQL, as wrk would.
/// </summary>
public static class SignOnSurge
{
    public static async Task<SurgeResult> RunAsync(AppUnderTest app, int clients, TimeSpan duration)
    {
        // warm-up on another letter: JIT, Wolverine's handler chain, connection pools
        await SurgeAsync(app.Http, await Api.OpenLetterAsync(app.Http, "Warm-up"), "warm", clients, TimeSpan.FromSeconds(3));

        var letter = await Api.OpenLetterAsync(app.Http, "Surge");
        await using var memory = PeakMemory.Watch(app.Process.Id);
        var (acknowledged, repeats, errors, latency, elapsed) = await SurgeAsync(app.Http, letter, "surge", clients, duration);
        var peak = await memory.StopAsync();

        // every 201 must be in the block afterwards, and every signer in it once (each was sent once, with its own name)
        var block = await Api.BlockAsync(app.Http, letter);
        var shown = block.Select(s => s.Id).ToHashSet();
        var lost = acknowledged.Count(id => !shown.Contains(id));
        var duplicated = block.Count - block.Select(s => s.Name).Distinct().Count() + repeats;
        return new SurgeResult(acknowledged.Count, acknowledged.Count / elapsed.TotalSeconds, latency, errors, lost, duplicated, peak);
    }

    private static async Task<(List<Guid> Acknowledged, int Repeats, int Errors, Latency Latency, TimeSpan Elapsed)> SurgeAsync(
        HttpClient http, Guid letter, string prefix, int clients, TimeSpan duration)
    {
        var acknowledged = new List<Guid>();
        var recorder = new LatencyRecorder();
        int next = 0, errors = 0, repeats = 0;
        using var stop = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await Api.SignAsync(http, letter, prefix, n);
                    var body = await response.Content.ReadAsStringAsync();
                    recorder.Add(Stopwatch.GetElapsedTime(started));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
                        lock (acknowledged) acknowledged.Add(id);
                    }
                    // 200 is "this signer is already on file": every signer here is new, so it is a duplicate
                    else if (response.StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref repeats);
                    else Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    recorder.Add(Stopwatch.GetElapsedTime(started));
                    Interlocked.Increment(ref errors);
                }
            }
        })));
        return (acknowledged, repeats, errors, recorder.Summary(), watch.Elapsed);
    }
}
