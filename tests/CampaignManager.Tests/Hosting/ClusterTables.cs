using Npgsql;

namespace CampaignManager.Tests.Hosting;

public record ClusterNode(Guid Id, int Number, DateTimeOffset HealthCheck);

public record AgentAssignment(string Agent, Guid NodeId);

/// <summary>
/// What Wolverine and Marten record in the shared database about the cluster, read with plain SQL because the nodes
/// are other processes: the registered nodes and their heartbeats, which node runs which agent, who owns the queued
/// deliveries, and how far the async projection has come. Message storage shares Marten's schema, <c>campaigns</c>.
/// </summary>
public sealed class ClusterTables(string connectionString)
{
    public const string ProjectionAgentPrefix = "event-subscriptions://";
    public const string LeaderAgent = "wolverine://leader/";

    public Task<List<ClusterNode>> NodesAsync() => QueryAsync(
        "select id, node_number, health_check from campaigns.wolverine_nodes order by node_number",
        r => new ClusterNode(r.GetGuid(0), r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(2)));

    public Task<List<AgentAssignment>> AssignmentsAsync() => QueryAsync(
        "select id, node_id from campaigns.wolverine_node_assignments where node_id is not null order by id",
        r => new AgentAssignment(r.GetString(0), r.GetGuid(1)));

    /// <summary>Deliveries still waiting in the inbox under a node's number (0 means released to whoever recovers them).</summary>
    public async Task<long> IncomingOwnedByAsync(int nodeNumber) => (await QueryAsync(
        $"select count(*) from campaigns.wolverine_incoming_envelopes where owner_id = {nodeNumber} and status <> 'Handled'",
        r => r.GetInt64(0))).Single();

    /// <summary>The coalition projections' progress (the one behind) and the newest committed event, as (projection, events).</summary>
    public async Task<(long Projection, long Events)> ProjectionProgressAsync() => (await QueryAsync(
        """
        select coalesce((select min(last_seq_id) from campaigns.mt_event_progression
                         where name in ('CoalitionSignature:All', 'CoalitionLetter:All')), 0),
               coalesce((select max(seq_id) from campaigns.mt_events), 0)
        """, r => (r.GetInt64(0), r.GetInt64(1)))).Single();

    /// <summary>Every coalition document, one line each in id order (jsonb text is canonical, so equal views give equal text).</summary>
    public async Task<string> CoalitionDocumentsAsync() => string.Join("\n", await QueryAsync(
        """
        select 'signature ' || id || ' ' || data::text from campaigns.mt_doc_coalitionsignature
        union all select 'letter ' || id || ' ' || data::text from campaigns.mt_doc_coalitionletter
        order by 1
        """, r => r.GetString(0)));

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}
