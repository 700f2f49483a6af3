namespace CampaignManager.Hosting;

/// <summary>How far an async projection may trail the high-water mark, in events (Health:ProjectionLag).</summary>
public sealed class ProjectionLagOptions
{
    public const string Section = "Health:ProjectionLag";
    public long DegradedAfter { get; set; } = 100;
    public long UnhealthyAfter { get; set; } = 10_000;
}

/// <summary>
/// Compares Marten's high-water mark (the highest event sequence the daemon treats as safe to read) with each async
/// projection's progress, and the mark with the last event. A view that trails shows staff stale coalition data. The projections run on whichever
/// node Wolverine assigned them to, so this check reports the cluster, not only this node.
/// </summary>
public sealed class ProjectionLagHealthCheck(IDocumentStore store, IOptionsMonitor<ProjectionLagOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var limits = options.CurrentValue;
        var shards = ((DocumentStore)store).Options.Projections.AllShards().Select(s => s.Name.Identity).ToArray();
        if (shards.Length == 0) return HealthCheckResult.Healthy("No async projections");

        var progress = (await store.Advanced.AllProjectionProgress(token: cancellationToken))
            .ToDictionary(p => p.ShardName, p => p.Sequence);
        var highWaterMark = progress.GetValueOrDefault(ShardState.HighWaterMark);
        var lags = shards.ToDictionary(s => s, s => Math.Max(0, highWaterMark - progress.GetValueOrDefault(s)));
        // a mark that stopped moving would make every projection look caught up: it trails the event store too
        var highestEvent = await store.Storage.Database.FetchHighestEventSequenceNumber(cancellationToken);
        lags[ShardState.HighWaterMark] = Math.Max(0, highestEvent - highWaterMark);
        var data = new Dictionary<string, object>
        {
            ["highestEventSequence"] = highestEvent,
            ["highWaterMark"] = highWaterMark,
            ["degradedAfter"] = limits.DegradedAfter,
            ["unhealthyAfter"] = limits.UnhealthyAfter
        };
        foreach (var (shard, lag) in lags) data[$"lag:{shard}"] = lag;

        var (worst, worstLag) = lags.MaxBy(x => x.Value);
        var summary = worst == ShardState.HighWaterMark
            ? $"the high-water mark {highWaterMark} is {worstLag} event(s) behind the last event {highestEvent}"
            : $"{worst} is {worstLag} event(s) behind the high-water mark {highWaterMark}";
        if (worstLag >= limits.UnhealthyAfter)
            return HealthCheckResult.Unhealthy($"{summary} (unhealthy from {limits.UnhealthyAfter})", data: data);
        if (worstLag >= limits.DegradedAfter)
            return HealthCheckResult.Degraded($"{summary} (degraded from {limits.DegradedAfter})", data: data);
        return HealthCheckResult.Healthy(
            $"{shards.Length} async projection(s) within {limits.DegradedAfter} event(s) of the high-water mark {highWaterMark} (last event {highestEvent})", data);
    }
}
