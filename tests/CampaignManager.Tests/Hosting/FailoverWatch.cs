using CampaignManager.Tests.Appeals;
using System.Diagnostics;
using static CampaignManager.Tests.Hosting.ClusterTables;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// Watches the shared tables from the moment a node is killed and notes when each step of the takeover is first seen:
/// the leader role on a survivor, every agent on survivors, the dead node's row deleted, and no delivery left under its
/// node number. All four are polled together, so each time is measured on its own rather than one after another.
/// </summary>
public sealed class FailoverWatch(ClusterTables tables, ClusterNode dead, IReadOnlySet<Guid> survivors, bool deadWasLeader)
{
    private readonly Stopwatch _sinceKill = Stopwatch.StartNew();

    public TimeSpan? LeaderMoved { get; private set; }
    public TimeSpan? AgentsMoved { get; private set; }
    public TimeSpan? NodeEjected { get; private set; }
    public TimeSpan? DeliveriesReleased { get; private set; }
    public TimeSpan Elapsed => _sinceKill.Elapsed;

    /// <summary>Waits until all four have happened; returns the agent assignments as they then stand.</summary>
    public async Task<IReadOnlyList<AgentAssignment>> UntilTakenOverAsync(TimeSpan deadline)
    {
        var (assignments, _) = await Eventually.UntilAsync<(List<AgentAssignment> Assignments, FailoverWatch Watch)>(async () =>
        {
            var assignments = await tables.AssignmentsAsync();
            var now = _sinceKill.Elapsed;
            if (assignments.Any(a => a.Agent == LeaderAgent && survivors.Contains(a.NodeId))) LeaderMoved ??= now;
            if (AllOnSurvivors(assignments)) AgentsMoved ??= now;
            if ((await tables.NodesAsync()).All(n => n.Id != dead.Id)) NodeEjected ??= now;
            if (await tables.IncomingOwnedByAsync(dead.Number) == 0) DeliveriesReleased ??= now;
            return (assignments, this);
        }, seen => AllOnSurvivors(seen.Assignments) && LeaderMoved is not null && NodeEjected is not null && DeliveriesReleased is not null,
            deadline, "the survivors to take over the dead node's agents and deliveries", TimeSpan.FromMilliseconds(100));
        return assignments;
    }

    /// <summary>The three agents this app has (leader, durability, coalition projection), none of them on the dead node.</summary>
    private bool AllOnSurvivors(IReadOnlyList<AgentAssignment> assignments) =>
        assignments.All(a => survivors.Contains(a.NodeId))
        && assignments.Any(a => a.Agent == LeaderAgent)
        && assignments.Any(a => a.Agent.StartsWith("wolverinedb://"))
        && assignments.Any(a => a.Agent.StartsWith(ProjectionAgentPrefix));

    public override string ToString() =>
        (deadWasLeader ? $"leader moved {Seconds(LeaderMoved)}" : "the leader was elsewhere") + $", all agents on survivors {Seconds(AgentsMoved)}, dead node's row deleted " +
        $"{Seconds(NodeEjected)}, its deliveries released {Seconds(DeliveriesReleased)} after the kill";

    private static string Seconds(TimeSpan? t) => t is { } v ? $"{v.TotalSeconds:0.0}s" : "not yet";
}
