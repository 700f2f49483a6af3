using System.Diagnostics;
using CampaignManager.Benchmarks.Harness;
using CampaignManager.Campaigns;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using Marten;

namespace CampaignManager.Benchmarks;

public record RebuildResult(int Events, TimeSpan Generate, TimeSpan Rebuild, double EventsPerSecond,
    IReadOnlyList<(string Projection, TimeSpan Took)> PerProjection, long PeakRssBytes);

/// <summary>
/// A full rebuild of every projection over a generated store, timed one projection at a time. The store is written
/// through the app's own Marten configuration and real event types: campaigns of letters, revisions, organizations that
/// co-sign across campaigns, and withdrawals. A simple placeholder generator: the rebuild work replaces it with its own.
/// </summary>
public static class RebuildScenario
{
    private const int LettersPerCampaign = 5;
    private const int SignaturesPerLetter = 190;
    private const int Organizations = 300;

    /// <summary>How long one projection may rebuild (BENCH_REBUILD_TIMEOUT_S, default 600 s).</summary>
    private static TimeSpan Budget => TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_REBUILD_TIMEOUT_S"), out var seconds) && seconds > 0 ? seconds : 600);

    public static async Task<RebuildResult> RunAsync(string connectionString, int events, TextWriter log, CancellationToken token = default)
    {
        await using var app = AppStore.For(connectionString, createSchema: true);
        var store = app.Store;
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        var generate = Stopwatch.StartNew();
        var written = await GenerateAsync(store, events, token);
        generate.Stop();
        log.WriteLine($"generated {written:N0} events in {generate.Elapsed.TotalSeconds:0.0} s");

        await using var memory = PeakMemory.Watch(Environment.ProcessId);
        var perProjection = new List<(string, TimeSpan)>();
        var rebuild = Stopwatch.StartNew();
        using (var daemon = await store.BuildProjectionDaemonAsync())
        {
            foreach (var name in ((DocumentStore)store).Options.Projections.All.Select(p => p.Name))
            {
                var one = Stopwatch.StartNew();
                using var budget = CancellationTokenSource.CreateLinkedTokenSource(token);
                budget.CancelAfter(Budget);
                try
                {
                    await daemon.RebuildProjectionAsync(name, Budget, budget.Token);
                    perProjection.Add((name, one.Elapsed));
                    log.WriteLine($"rebuilt {name} in {one.Elapsed.TotalSeconds:0.0} s");
                }
                catch (Exception e) when (e is TimeoutException || e is OperationCanceledException && !token.IsCancellationRequested)
                {
                    // a projection whose cost grows with the store must not hold the whole run for an hour
                    perProjection.Add(($"{name} (stopped, unfinished)", one.Elapsed));
                    log.WriteLine($"stopped rebuilding {name} after {one.Elapsed.TotalSeconds:0} s");
                }
            }
        }
        rebuild.Stop();
        return new RebuildResult(written, generate.Elapsed, rebuild.Elapsed, written / rebuild.Elapsed.TotalSeconds, perProjection,
            await memory.StopAsync());
    }

    private static async Task<int> GenerateAsync(IDocumentStore store, int events, CancellationToken token)
    {
        var at = DateTimeOffset.UtcNow.AddYears(-1);
        var organizations = Enumerable.Range(0, Organizations)
            .Select(i => new OrganizationRegistered(Guid.NewGuid(), $"Generated Organization {i}", [$"GO{i}"], "bench", at)).ToList();
        await using (var session = store.LightweightSession())
        {
            foreach (var o in organizations) session.Events.StartStream<Organization>(o.OrganizationId, o);
            await session.SaveChangesAsync(token);
        }
        var written = organizations.Count;
        var perCampaign = 1 + LettersPerCampaign * (4 + SignaturesPerLetter + SignaturesPerLetter / 20);
        var campaigns = Math.Max(1, (events - written) / perCampaign);
        // one campaign per session: campaigns never share a stream, so sessions can commit side by side
        await Parallel.ForEachAsync(Enumerable.Range(0, campaigns), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = token },
            async (c, ct) =>
            {
                await using var session = store.LightweightSession();
                Interlocked.Add(ref written, WriteCampaign(session, c, organizations, at.AddMinutes(c)));
                await session.SaveChangesAsync(ct);
            });
        return written;
    }

    private static int WriteCampaign(IDocumentSession session, int c, List<OrganizationRegistered> organizations, DateTimeOffset at)
    {
        var campaign = Guid.NewGuid();
        var count = 1;
        session.Events.StartStream<Campaign>(campaign, new CampaignLaunched(campaign, $"Campaign {c}", "Goal", "Venue", null, "bench", at));
        for (var l = 0; l < LettersPerCampaign; l++)
        {
            var letter = Guid.NewGuid();
            session.Events.StartStream<Letter>(letter,
                new LetterDrafted(letter, $"Letter {c}.{l}", "Subject", "Body", "Closing", [], "bench", at),
                new LetterOpenedForSignatures(letter, null, "bench", at, Guid.NewGuid().ToString("N")),
                new LetterRevised(letter, 2, $"Letter {c}.{l}", "Subject", "Body, revised", "Closing", [], ["body"], null, "bench", at));
            session.Events.Append(campaign, new LetterAttachedToCampaign(campaign, letter, "bench", at));
            count += 4;
            for (var s = 0; s < SignaturesPerLetter; s++)
            {
                var id = Guid.NewGuid();
                // every fifth signer is an organization from a shared pool, so organizations co-sign across campaigns
                var added = s % 5 == 0
                    ? new SignatureAdded(id, letter, SignatoryKind.Organization, organizations[(c * 7 + l * 13 + s) % organizations.Count].Name,
                        null, null, false, null, 1, "bench", at)
                    : new SignatureAdded(id, letter, SignatoryKind.Individual, $"Person {c}.{l}.{s}", null, null, false,
                        $"p{c}.{l}.{s}@example.org", 1, "bench", at);
                if (s % 20 == 7)
                {
                    session.Events.StartStream<Signature>(id, added, new SignatureWithdrawn(id, letter, "changed mind", "bench", at));
                    count += 2;
                }
                else
                {
                    session.Events.StartStream<Signature>(id, added);
                    count += 1;
                }
            }
        }
        return count;
    }
}
