namespace CampaignManager.Hosting;

/// <summary>
/// Decides which PostgreSQL the app talks to: a configured connection string (appsettings or
/// ConnectionStrings__Marten in the environment) wins; otherwise a private cluster is started from the
/// installed server binaries in a git-ignored folder; with neither, start-up fails with what to do.
/// </summary>
public static class Database
{
    public const string ConnectionStringName = "Marten";

    public static string ResolveConnectionString(WebApplicationBuilder builder, string[] args)
    {
        var configured = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        if (!EmbeddedPostgres.BinariesAvailable())
        {
            throw new StartupProblem(
                "CampaignManager needs PostgreSQL. No connection string 'ConnectionStrings:Marten' is configured and no " +
                "PostgreSQL server binaries (initdb, pg_ctl) were found to start an embedded one. Do one of: " +
                "(1) set the environment variable ConnectionStrings__Marten=\"Host=...;Port=5432;Username=...;Password=...;Database=...\"; " +
                "(2) install the server binaries: apt-get update && apt-get install -y postgresql.");
        }

        var folder = builder.Configuration["Database:DataDirectory"]
                     ?? Path.Combine(builder.Environment.ContentRootPath, ".data", "postgres");
        var server = EmbeddedPostgres.StartAsync(folder).GetAwaiter().GetResult();
        if (server.SharedWith is { } owner) RefuseToShare(CommandLine.Verb(args), owner, server);
        if (server.RelocatedFrom is not null)
            Console.WriteLine($"The embedded PostgreSQL keeps its data in {server.DataDirectory}: the 'postgres' account " +
                              $"cannot reach {server.RelocatedFrom} (a parent folder is closed to it).");

        // Stopped after the host has stopped Wolverine and the projection daemon, so they can finish their work.
        builder.Services.AddSingleton(server);
        builder.Services.AddHostedService<EmbeddedPostgresLifetime>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        EnsureDatabase(server, "campaigns");
        return server.ConnectionString("campaigns");
    }

    /// <summary>
    /// Lets Npgsql prepare a statement once it has run twice on a connection, so PostgreSQL stops parsing and planning
    /// the same few statements on every request: on the sign-on surge (issue #11) that was about a quarter of the
    /// server's CPU per sign-on. A connection string that sets <c>Max Auto Prepare</c> itself wins, e.g. 0 behind a
    /// pooler in transaction mode, which cannot keep prepared statements.
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.ContainsKey("Max Auto Prepare")) return connectionString;
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    /// <summary>
    /// A command such as <c>seed</c>, <c>describe</c> or <c>db-apply</c> works on the running app's database as it is.
    /// A second app, or a projection rebuild, would run a second projection daemon and outbox over the same data while
    /// the first runs in Solo mode, so those are refused with what to do instead.
    /// </summary>
    private static void RefuseToShare(string command, int owner, EmbeddedPostgres server)
    {
        if (command is not ("run" or "projections")) return;
        var what = command == "run" ? "A second copy of the app" : "A projection rebuild";
        throw new StartupProblem(
            $"CampaignManager (process {owner}) is already running on the embedded database in {server.DataDirectory}. " +
            $"{what} would compete with its projection daemon and message handlers. Stop that process first (Ctrl+C, " +
            $"or kill {owner}), or give this one its own data folder with Database__DataDirectory=/some/other/folder.");
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

/// <summary>Something the person starting the app must change; start-up prints it without a stack trace.</summary>
public sealed class StartupProblem(string message) : Exception(message);
