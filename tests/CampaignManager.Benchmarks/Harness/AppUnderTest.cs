using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using CampaignManager.Hosting;
using Npgsql;

namespace CampaignManager.Benchmarks.Harness;

/// <summary>
/// A private PostgreSQL cluster and the app as its own process on a loopback port, as in production; scenarios talk
/// HTTP to it. The baselines (pgbench, plain Marten loads) run against the same cluster, in databases of their own.
/// </summary>
public sealed class AppUnderTest : IAsyncDisposable
{
    public const string Database = "bench";
    private readonly StreamWriter _log;
    private static readonly List<PosixSignalRegistration> Signals = [];

    private AppUnderTest(EmbeddedPostgres cluster, Process process, HttpClient http, StreamWriter log)
    {
        Cluster = cluster;
        Process = process;
        Http = http;
        _log = log;
    }

    public EmbeddedPostgres Cluster { get; }
    public Process Process { get; }
    /// <summary>Signed in as the bootstrap admin with a bearer token.</summary>
    public HttpClient Http { get; }
    public string ConnectionString => Cluster.ConnectionString(Database);
    public string LogPath => Path.Combine(Path.GetTempPath(), "campaignmanager-bench-app.log");

    public static async Task<AppUnderTest> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"campaignmanager-bench-{Environment.ProcessId}");
        // fsync on, as in production and in the measurement: without it pgbench, which waits on commits, runs
        // about 4x faster while the app, which waits on CPU, does not, and the ratio says more about the disk than the app
        var cluster = await EmbeddedPostgres.StartAsync(folder, durable: Environment.GetEnvironmentVariable("BENCH_FSYNC") != "off");
        await CreateDatabaseAsync(cluster, Database);

        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        // the app denies anonymous callers; the first admin's API token comes from the environment, as in README's walk-throughs
        var token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var process = Process.Start(new ProcessStartInfo("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "CampaignManager.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ConnectionStrings__Marten"] = cluster.ConnectionString(Database), ["Seeds__LoadOnStart"] = "false",
                ["Auth__BootstrapToken"] = token, ["Database__AutoCreate"] = "All", ["Logging__LogLevel__Default"] = "Warning",
                ["ASPNETCORE_ENVIRONMENT"] = "Production"
            }
        })!;
        var log = File.CreateText(Path.Combine(Path.GetTempPath(), "campaignmanager-bench-app.log"));
        process.OutputDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // a failed or interrupted run must not leave the app holding its port, nor the cluster running
        void Abandon()
        {
            Kill(process);
            cluster.Stop();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Abandon();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => Abandon();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            Signals.Add(PosixSignalRegistration.Create(signal, _ => Abandon()));

        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(2)
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var app = new AppUnderTest(cluster, process, http, log);
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>A database of its own in the same cluster, for a baseline that must not touch the app's data.</summary>
    public Task<string> CreateDatabaseAsync(string name) => CreateDatabaseAsync(Cluster, name);

    private static async Task<string> CreateDatabaseAsync(EmbeddedPostgres cluster, string name)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionString(name);
    }

    private async Task WaitUntilReadyAsync()
    {
        var waited = Stopwatch.StartNew();
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await tick.WaitForNextTickAsync())
        {
            if (Process.HasExited) throw new InvalidOperationException($"the app exited with {Process.ExitCode}; see {LogPath}");
            try
            {
                if ((await Http.GetAsync("/api/letters")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) when (waited.Elapsed < TimeSpan.FromMinutes(3)) { }
        }
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
    }

    public async ValueTask DisposeAsync()
    {
        Kill(Process);
        await Process.WaitForExitAsync();
        Http.Dispose();
        lock (_log) _log.Dispose();
        await Cluster.DisposeAsync();
        // a throwaway cluster (fsync off): the next run starts its own, so this one's gigabytes go
        try
        {
            Directory.Delete(Cluster.DataDirectory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
