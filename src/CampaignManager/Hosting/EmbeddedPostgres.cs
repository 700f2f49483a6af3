using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CampaignManager.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the machine's own server binaries (initdb, pg_ctl).
/// Used by the app when no connection string is configured, and by the tests when no database is given.
/// </summary>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly string? _runAsUser;
    private bool _stopped;

    private EmbeddedPostgres(string dataDirectory, int port, string? runAsUser)
    {
        _dataDirectory = dataDirectory;
        Port = port;
        _runAsUser = runAsUser;
    }

    public int Port { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=60";

    /// <summary>True when initdb and pg_ctl can be found on PATH or in Debian's versioned folder.</summary>
    public static bool BinariesAvailable() => FindBinary("pg_ctl") is not null && FindBinary("initdb") is not null;

    /// <param name="dataDirectory">The cluster's folder; created and initialised when empty.</param>
    /// <param name="durable">False only for throwaway test clusters: skips fsync, which data that must survive
    /// a power cut cannot do without.</param>
    /// <param name="token">Cancels waiting for initdb and pg_ctl.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, bool durable = true, CancellationToken token = default)
    {
        var pgCtl = FindBinary("pg_ctl") ?? throw new InvalidOperationException(MissingBinariesMessage);
        var initdb = FindBinary("initdb") ?? throw new InvalidOperationException(MissingBinariesMessage);

        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);

        // PostgreSQL refuses to run as root; hand the folder to the unprivileged 'postgres' system user instead.
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", ["-R", $"{runAs}:", dataDirectory], null, token);
            await RunAsync("chmod", ["0700", dataDirectory], null, token);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await RunAsync(initdb, ["-D", dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], runAs, token);
        }

        // A crash of the owning process leaves either a live server (reuse nothing: stop it) or a stale pid file.
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (File.Exists(pidFile))
        {
            var status = await RunAsync(pgCtl, ["status", "-D", dataDirectory], runAs, token, throwOnError: false);
            if (status.ExitCode == 0)
                await RunAsync(pgCtl, ["stop", "-D", dataDirectory, "-m", "fast", "-w"], runAs, token, throwOnError: false);
            if (File.Exists(pidFile)) File.Delete(pidFile);
        }

        var port = FreeLoopbackPort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' -c max_connections=300" +
                      (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var logFile = Path.Combine(dataDirectory, "server.log");
        await RunAsync(pgCtl, ["start", "-D", dataDirectory, "-w", "-t", "60", "-l", logFile, "-o", options], runAs, token);
        return new EmbeddedPostgres(dataDirectory, port, runAs);
    }

    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        var pgCtl = FindBinary("pg_ctl")!;
        await RunAsync(pgCtl, ["stop", "-D", _dataDirectory, "-m", "fast", "-w"], _runAsUser, CancellationToken.None, throwOnError: false);
    }

    /// <summary>Stops the server synchronously; for process-exit hooks where nothing can be awaited.</summary>
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => new(StopAsync());

    private const string MissingBinariesMessage =
        "No database is configured and the PostgreSQL server binaries (initdb, pg_ctl) were not found. " +
        "Either set ConnectionStrings__Marten (e.g. \"Host=localhost;Port=5432;Username=postgres;Password=...;Database=campaigns\") " +
        "or install the server: apt-get update && apt-get install -y postgresql.";

    internal static string? FindBinary(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }

        // Debian keeps the server binaries out of PATH unless a symlink was made.
        var debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", name))
            .FirstOrDefault(File.Exists);
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string? runAs,
        CancellationToken token, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // the server inherits the working directory; root's may be unreadable for the postgres user
            WorkingDirectory = "/",
        };
        if (runAs is null)
        {
            start.FileName = file;
        }
        else
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", runAs, "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        return (process.ExitCode, output);
    }
}
