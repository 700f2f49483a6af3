using Wolverine.Persistence;
using Wolverine.Runtime;
using Wolverine.Runtime.Agents;

namespace CampaignManager.Hosting;

/// <summary>
/// Is this node part of Wolverine's durable messaging? The durability agent (scheme "wolverinedb") recovers the
/// inbox and outbox and fires scheduled messages. In Solo mode this node must run it itself; in Balanced mode the
/// leader assigns it to one node, so this node must be registered in wolverine_nodes and some node must run it.
/// The local agent's own health (consecutive persistence failures, stuck polling) is passed through.
/// </summary>
public sealed class WolverineAgentsHealthCheck(IWolverineRuntime runtime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var options = runtime.Options;
        var mode = options.Durability.Mode;
        var local = runtime.Agents.AllRunningAgentUris().Where(IsDurabilityAgent).ToArray();
        var data = new Dictionary<string, object>
        {
            ["mode"] = mode.ToString(),
            ["nodeNumber"] = options.Durability.AssignedNodeNumber,
            ["durabilityAgentsHere"] = local.Select(u => u.ToString()).ToArray()
        };

        foreach (var uri in local)
        {
            if (!runtime.Agents.TryFindActiveAgent<IAgent>(uri, out var agent)) continue;
            var own = await agent.CheckHealthAsync(context, cancellationToken);
            if (own.Status != HealthStatus.Healthy)
                return new HealthCheckResult(own.Status, $"Durability agent {uri} on this node: {own.Description}", own.Exception, data);
        }

        if (mode == DurabilityMode.Solo)
        {
            return local.Length > 0
                ? HealthCheckResult.Healthy($"Solo node; durability agent running here ({string.Join(", ", local.Select(u => u.ToString()))})", data)
                : HealthCheckResult.Unhealthy("Solo node, but no durability agent is running here (still starting, or it stopped)", data: data);
        }

        var nodes = await runtime.Storage.Nodes.LoadAllNodesAsync(cancellationToken);
        var self = nodes.FirstOrDefault(n => n.NodeId == options.UniqueNodeId);
        data["nodes"] = nodes.Count;
        if (self is null)
            return HealthCheckResult.Unhealthy($"This node ({options.UniqueNodeId}) is not registered in Wolverine's node table", data: data);

        var runner = nodes.FirstOrDefault(n => n.ActiveAgents.Any(IsDurabilityAgent));
        return runner is null
            ? HealthCheckResult.Unhealthy($"Node {self.AssignedNodeNumber} is registered, but no node of {nodes.Count} runs the durability agent yet", data: data)
            : HealthCheckResult.Healthy($"Node {self.AssignedNodeNumber} registered ({mode}, {nodes.Count} node(s)); durability agent on node {runner.AssignedNodeNumber}", data);
    }

    private static bool IsDurabilityAgent(Uri uri) => uri.Scheme == PersistenceConstants.AgentScheme;
}
