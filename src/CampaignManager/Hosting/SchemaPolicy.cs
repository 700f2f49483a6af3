using JasperFx;

namespace CampaignManager.Hosting;

/// <summary>
/// Who may change the database schema. In production against a configured database, only an operator running
/// <c>db-apply</c>: the app itself creates nothing (AutoCreate.None), so a release never migrates a shared database
/// as a side effect of starting, and a missing migration shows as a failing readiness check instead of tables
/// appearing silently. Everywhere else (the embedded database, Development, tests) the app builds what it needs.
/// Database:AutoCreate (All, CreateOrUpdate, CreateOnly or None) overrides both.
/// </summary>
public static class SchemaPolicy
{
    public const string Setting = "Database:AutoCreate";

    public static AutoCreate Resolve(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration[Setting];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<AutoCreate>(configured, ignoreCase: true, out var value)
                ? value
                : throw new StartupProblem(
                    $"{Setting} is '{configured}'; use one of {string.Join(", ", Enum.GetNames<AutoCreate>())}.");
        }

        var ownDatabase = !string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(Database.ConnectionStringName));
        return ownDatabase && builder.Environment.IsProduction() ? AutoCreate.None : AutoCreate.All;
    }

    /// <summary>
    /// A production database before its db-apply: a start-up backfill meeting it returns quietly, because the schema
    /// check that follows names what is missing, and failing first would hide that message behind its own.
    /// </summary>
    public static bool IsNotApplied(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable or Npgsql.PostgresErrorCodes.UndefinedColumn }
        || e.InnerException is { } inner && IsNotApplied(inner);
}
