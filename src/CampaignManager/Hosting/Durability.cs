namespace CampaignManager.Hosting;

/// <summary>
/// How fast the surviving nodes take over from a node that died without saying goodbye (Balanced mode, section
/// <c>Wolverine:Durability</c>). A dead node's agents (the leader role, the durability agent, the async projections) move
/// once its heartbeat is older than <see cref="StaleNodeTimeout"/>, seen on a <see cref="HealthCheckPollingTime"/> tick;
/// its row, and with it the ownership of the deliveries it had queued, goes <see cref="StaleNodeEjectionThreshold"/>
/// ticks later; the orphaned deliveries are then released on the next <see cref="OrphanedMessageSweepPollingTime"/> and
/// picked up on the next <see cref="ScheduledJobPollingTime"/>. These defaults aim at under 10 s after a SIGKILL (the
/// earlier 5 s heartbeats and 30 s timeout measured about 32 s; Wolverine's own, 10 s and 1 min, about a minute), for
/// about three small queries a second per node. README has the measurements and the trade-off.
/// </summary>
public sealed class NodeFailoverSettings
{
    public const string Section = "Wolverine:Durability";

    /// <summary>Heartbeat and assignment check; one cheap UPDATE per node per tick.</summary>
    public TimeSpan HealthCheckPollingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Five missed heartbeats. Heartbeats run on their own timer, so a busy node does not miss them, and a live node
    /// that was wrongly ejected (a stall longer than this: a long GC pause, a frozen VM) re-registers itself; the cost
    /// of going lower is churn, not lost work.
    /// </summary>
    public TimeSpan StaleNodeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive stale sightings before the row is deleted; 2 is Wolverine's minimum against one bad read.</summary>
    public int StaleNodeEjectionThreshold { get; set; } = 2;

    public TimeSpan OrphanedMessageSweepPollingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Also how late a scheduled redelivery (<c>Appeals:RedeliveryDelays</c>) may run.</summary>
    public TimeSpan ScheduledJobPollingTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How soon an agent that failed to start, or runs where it should not, is put right.</summary>
    public TimeSpan CheckAssignmentPeriod { get; set; } = TimeSpan.FromSeconds(5);
}

public static class Durability
{
    public static void UseNodeFailoverSettings(this WolverineOptions opts, IConfiguration configuration)
    {
        var s = configuration.GetSection(NodeFailoverSettings.Section).Get<NodeFailoverSettings>() ?? new NodeFailoverSettings();
        // A timeout within a few heartbeats would declare live nodes dead whenever a tick runs late.
        if (s.StaleNodeTimeout < 3 * s.HealthCheckPollingTime)
            throw new InvalidOperationException(
                $"{NodeFailoverSettings.Section}:StaleNodeTimeout ({s.StaleNodeTimeout}) must be at least three times " +
                $"{NodeFailoverSettings.Section}:HealthCheckPollingTime ({s.HealthCheckPollingTime}), or live nodes will be declared dead.");
        var d = opts.Durability;
        d.HealthCheckPollingTime = s.HealthCheckPollingTime;
        d.StaleNodeTimeout = s.StaleNodeTimeout;
        d.StaleNodeEjectionThreshold = s.StaleNodeEjectionThreshold;
        d.OrphanedMessageSweepPollingTime = s.OrphanedMessageSweepPollingTime;
        d.ScheduledJobPollingTime = s.ScheduledJobPollingTime;
        d.CheckAssignmentPeriod = s.CheckAssignmentPeriod;
    }
}
