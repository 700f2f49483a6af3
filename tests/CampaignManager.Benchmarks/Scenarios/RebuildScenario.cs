using System.Diagnostics;
using CampaignManager.Benchmarks.Harness;
using CampaignManager.Campaigns;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using JasperFx.Events.Projections;
using Marten;

namespace CampaignManager.Benchmarks.Scenarios;

/// <summary>
/// <see cref="Rebuild"/> and <see cref="EventsPerSecond"/>: every projection rebuilt at once, as the command does;
/// <see cref="PerProjection"/>: each rebuilt alone; <see cref="PeakRssBytes"/>: this process's peak during the rebuilds.
/// </summary>
public record RebuildResult(int Events, TimeSpan Generate, TimeSpan Rebuild, double EventsPerSecond,
    IReadOnlyList<(string Projection, TimeSpan Took)> PerProjection, long PeakRssBytes);

/// <summary>
/// A generated store of <c>events</c> real domain events (organizations with aliases, campaigns, letters revised and
/// attached to campaigns, organizations co-signing across them, people naming them as affiliation, withdrawals and
/// renewals), then every projection the app registers rebuilt the way <c>projections rebuild</c> does it: one daemon,
/// prepared for rebuilds, each projection rebuilt from sequence 0. Projections are rebuilt one after the other so each
/// one's cost is its own, then all together under the store's concurrency cap, as the command runs them.
/// </summary>
public static class RebuildScenario
{
    public static async Task<RebuildResult> RunAsync(string connectionString, int events, TextWriter log, CancellationToken token = default)
    {
        // the app's own store, built and never started: no async daemon racing the rebuild
        await using var app = AppStore.For(connectionString, createSchema: true);
        var store = app.Store;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var watch = Stopwatch.StartNew();
        await RebuildStore.GenerateAsync(store, events, log, token);
        var generate = watch.Elapsed;
        var total = (await store.Advanced.FetchEventStoreStatistics(token: token)).EventCount;
        log.WriteLine($"generated {events:N0} events in {generate.TotalSeconds:F1} s ({events / generate.TotalSeconds:N0}/s); store holds {total:N0}");

        // the rebuild's own peak: Linux resets the high-water RSS mark on request (generation held its own batches)
        GC.Collect();
        if (File.Exists("/proc/self/clear_refs")) await File.WriteAllTextAsync("/proc/self/clear_refs", "5", token);

        // the names the command rebuilds: every projection except live ones (Marten's ProjectionController rule)
        var names = ((DocumentStore)store).Options.Projections.All
            .Where(p => p.Lifecycle != ProjectionLifecycle.Live).Select(p => p.Name).ToList();
        // experiment knob: 5,000 instead of the default moved no CPU off PostgreSQL and added some to the app (100k events)
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_BATCH"), out var batchSize))
            foreach (var p in ((DocumentStore)store).Options.Projections.All) p.Options.BatchSize = batchSize;
        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.PrepareForRebuildsAsync();
        var per = new List<(string, TimeSpan)>();
        using var self = Process.GetCurrentProcess();
        var server = await ServerCpu.FindAsync(connectionString, token);
        foreach (var name in names)
        {
            self.Refresh();
            var (cpu, serverCpu) = (self.TotalProcessorTime, server?.Used());
            watch.Restart();
            await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), token);
            per.Add((name, watch.Elapsed));
            self.Refresh();
            // this process's CPU against the wall time: the rest is PostgreSQL, the network and waiting for a core
            log.WriteLine($"  {name,-24} {watch.Elapsed.TotalSeconds,8:F2} s {total / watch.Elapsed.TotalSeconds,12:N0} events/s" +
                          $"  CPU: app {(self.TotalProcessorTime - cpu).TotalSeconds,6:F2} s, PostgreSQL {(server?.Used() - serverCpu)?.TotalSeconds,6:F2} s");
        }
        var rebuild = per.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Item2);
        log.WriteLine($"rebuilt {names.Count} projections one after the other over {total:N0} events in {rebuild.TotalSeconds:F1} s" +
                      $" = {total / rebuild.TotalSeconds:N0} events/s");

        // ...and all at once, capped as the command caps them: this is what `projections rebuild` takes
        var cap = Math.Max(1, ((DocumentStore)store).Options.Projections.MaxConcurrentRebuildsPerDatabase ?? names.Count);
        watch.Restart();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = cap, CancellationToken = token },
            async (name, ct) => await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), ct));
        rebuild = watch.Elapsed;
        var rate = total / rebuild.TotalSeconds;
        log.WriteLine($"rebuilt {names.Count} projections {cap} at a time in {rebuild.TotalSeconds:F1} s = {rate:N0} events/s" +
                      (File.Exists("/proc/loadavg") ? $" (load average {File.ReadAllText("/proc/loadavg").Trim()})" : ""));
        self.Refresh();
        return new RebuildResult((int)total, generate, rebuild, rate, per, self.PeakWorkingSet64);
    }
}

