namespace CampaignManager.Hosting;

/// <summary>
/// Decides which PostgreSQL the app talks to: a configured connection string (appsettings or
/// ConnectionStrings__Marten in the environment) wins; otherwise a private cluster is started from the
/// installed server binaries in a git-ignored folder; with neither, start-up fails with what to do.
/// </summary>
public static class Database
{
    public const string ConnectionStringName = "Marten";

    public static string ResolveConnectionString(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        if (!EmbeddedPostgres.BinariesAvailable())
        {
            throw new InvalidOperationException(
                "CampaignManager needs PostgreSQL. No connection string 'ConnectionStrings:Marten' is configured and no " +
                "PostgreSQL server binaries (initdb, pg_ctl) were found to start an embedded one. Do one of: " +
                "(1) set the environment variable ConnectionStrings__Marten=\"Host=...;Port=5432;Username=...;Password=...;Database=...\"; " +
                "(2) install the server binaries: apt-get update && apt-get install -y postgresql.");
        }

        var folder = builder.Configuration["Database:DataDirectory"]
                     ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres");
        var server = EmbeddedPostgres.StartAsync(folder).GetAwaiter().GetResult();

        // Stopped after the host has stopped Wolverine and the projection daemon, so they can finish their work.
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        EnsureDatabase(server, "campaigns");
        return server.ConnectionString("campaigns");
    }

    private static void EnsureDatabase(EmbeddedPostgres server, string name)
    {
        using var connection = new Npgsql.NpgsqlConnection(server.ConnectionString());
        connection.Open();
        using var exists = connection.CreateCommand();
        exists.CommandText = "select 1 from pg_database where datname = @name";
        exists.Parameters.AddWithValue("name", name);
        if (exists.ExecuteScalar() is not null) return;
        using var create = connection.CreateCommand();
        create.CommandText = $"create database \"{name}\"";
        create.ExecuteNonQuery();
    }

    private sealed class EmbeddedPostgresLifetime(EmbeddedPostgres server, IHostApplicationLifetime lifetime) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            lifetime.ApplicationStopped.Register(server.Stop);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
