namespace CampaignManager.Hosting;

/// <summary>Opens a connection through Marten's own data source and asks the server for its version.</summary>
public sealed class PostgresHealthCheck(IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "select current_setting('server_version')";
            var version = (string?)await command.ExecuteScalarAsync(cancellationToken);
            // no host or database name: the endpoint is anonymous
            return HealthCheckResult.Healthy($"PostgreSQL {version} answered");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is unreachable: {e.Message}", e);
        }
    }
}
