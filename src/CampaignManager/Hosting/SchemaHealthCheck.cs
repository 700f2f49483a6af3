using JasperFx;

namespace CampaignManager.Hosting;

/// <summary>
/// With AutoCreate.None (see <see cref="SchemaPolicy"/>) a release deployed before its db-apply would start and then
/// fail on whatever table or column it misses. This check compares Marten's schema with the database, so such a
/// node never becomes ready and a rolling deployment stops at its first node. A schema cannot un-apply itself, so one
/// match is remembered: later probes cost nothing.
/// </summary>
public sealed class SchemaHealthCheck(IDocumentStore store) : IHealthCheck
{
    private volatile bool _matched;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var autoCreate = ((DocumentStore)store).Options.AutoCreateSchemaObjects;
        if (autoCreate != AutoCreate.None)
            return HealthCheckResult.Healthy($"The app applies schema changes itself (Database:AutoCreate {autoCreate})");
        if (_matched) return HealthCheckResult.Healthy("The schema matched this release (checked once)");

        try
        {
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The database schema differs from this release; run db-apply. {e.Message}");
        }
        _matched = true;
        return HealthCheckResult.Healthy("The schema matches this release");
    }
}
