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
            SweepLeftovers();
            var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}");
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

    private const string FolderPrefix = "campaignmanager-tests-";

    /// <summary>
    /// The test runner ends its test host without waiting for ProcessExit, so the cluster folder (50-100 MB) of every
    /// earlier run stayed in the temp folder: a machine had 223 of them. A folder whose test process and server are
    /// both gone is removed before a new cluster starts; one still in use by a parallel run is left alone.
    /// </summary>
    private static void SweepLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            if (!int.TryParse(Path.GetFileName(folder)[FolderPrefix.Length..], out var owner) || IsRunning(owner)) continue;
            var postmaster = Path.Combine(folder, "postmaster.pid");
            if (File.Exists(postmaster) && int.TryParse(File.ReadLines(postmaster).FirstOrDefault(), out var server) && IsRunning(server))
                continue;
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
