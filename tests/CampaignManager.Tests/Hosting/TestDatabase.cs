using CampaignManager.Hosting;
using Npgsql;
using Testcontainers.PostgreSql;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// One PostgreSQL server for the whole test run, from the first source that is available:
/// CAMPAIGNMANAGER_TEST_POSTGRES (a connection string to an existing server), a private cluster started from the
/// local server binaries, or Testcontainers.PostgreSql on machines with a Docker engine.
/// Each test host then gets a database of its own on that server, so collections can run in parallel.
/// </summary>
public static class TestDatabase
{
    public const string EnvironmentVariable = "CAMPAIGNMANAGER_TEST_POSTGRES";
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _serverConnectionString;

    public static async Task<string> CreateDatabaseAsync(string prefix)
    {
        var server = await ServerAsync();
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 60)].ToLowerInvariant();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = $"create database \"{name}\"";
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task<string> ServerAsync()
    {
        if (_serverConnectionString is not null) return _serverConnectionString;
        await Gate.WaitAsync();
        try
        {
            return _serverConnectionString ??= await StartAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> StartAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;

        if (EmbeddedPostgres.BinariesAvailable())
        {
            var folder = Path.Combine(Path.GetTempPath(), $"campaignmanager-tests-{Environment.ProcessId}");
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            var cluster = await EmbeddedPostgres.StartAsync(folder, durable: false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                cluster.Stop();
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            };
            return cluster.ConnectionString();
        }

        var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
        await container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container.GetConnectionString();
    }
}
