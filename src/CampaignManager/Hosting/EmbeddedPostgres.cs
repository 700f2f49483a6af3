using System.Net;
using System.Net.Sockets;

namespace CampaignManager.Hosting;

/// <summary>
/// A private PostgreSQL cluster started from the machine's own server binaries (initdb, pg_ctl).
/// Used by the app when no connection string is configured, and by the tests when no database is given.
/// </summary>
/// <remarks>
/// One process owns the running server: the one that started it (or adopted it from an owner that crashed) stops it
/// on exit. Another process on the same folder, such as <c>seed</c> while the app runs, attaches to the server as it
/// is and leaves it running; <see cref="SharedWith"/> then names the owner.
/// </remarks>
public sealed class EmbeddedPostgres : IAsyncDisposable
{
    private const string OwnerFile = "campaignmanager.owner";
    private readonly ClusterFolder _folder;
    private readonly string? _secret;
    private bool _stopped;

    private EmbeddedPostgres(ClusterFolder folder, int port, int? sharedWith, string? secret)
    {
        _folder = folder;
        Port = port;
        SharedWith = sharedWith;
        _secret = secret;
    }

    public int Port { get; }
    public string DataDirectory => _folder.DataDirectory;
    /// <summary>The folder that was asked for, when the server account could not reach it (see <see cref="ClusterFolder"/>).</summary>
    public string? RelocatedFrom => _folder.Relocated;
    /// <summary>The account pg_ctl must run as for this cluster (null: the current one), e.g. to restart it in a fault test.</summary>
    public string? RunAs => _folder.RunAs;
    /// <summary>The live process that started the server and will stop it, when that is not this one.</summary>
    public int? SharedWith { get; }

    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=60" +
        (_secret is null ? "" : $";Password={_secret}");

    public static bool BinariesAvailable() => PostgresBinaries.Available();

    /// <param name="dataDirectory">The cluster's folder; created and initialised when empty.</param>
    /// <param name="durable">False only for throwaway test clusters: skips fsync, which data that must survive
    /// a power cut cannot do without.</param>
    /// <param name="token">Cancels waiting for initdb and pg_ctl.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string dataDirectory, bool durable = true, CancellationToken token = default)
    {
        var pgCtl = PostgresBinaries.Require("pg_ctl");
        var initdb = PostgresBinaries.Require("initdb");
        var folder = await ClusterFolder.ChooseAsync(dataDirectory, token);
        var data = folder.DataDirectory;
        Directory.CreateDirectory(data);
        if (folder.RunAs is not null)
        {
            await PostgresBinaries.RunAsync("chown", ["-R", $"{folder.RunAs}:", data], null, token);
            await PostgresBinaries.RunAsync("chmod", ["0700", data], null, token);
        }

        var secret = ClusterSecret.Read(data);
        if (!File.Exists(Path.Combine(data, "PG_VERSION")))
        {
            secret = ClusterSecret.Generate();
            var passwordFile = await ClusterSecret.WritePasswordFileAsync(secret, folder.RunAs, token);
            try
            {
                await PostgresBinaries.RunAsync(initdb, ["-D", data, "-U", "postgres", "--auth=scram-sha-256", $"--pwfile={passwordFile}",
                    "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], folder.RunAs, token);
            }
            finally
            {
                File.Delete(passwordFile);
            }
            await ClusterSecret.SaveAsync(data, secret, folder.RunAs, token);
        }

        var pidFile = Path.Combine(data, "postmaster.pid");
        if (File.Exists(pidFile))
        {
            var status = await PostgresBinaries.RunAsync(pgCtl, ["status", "-D", data], folder.RunAs, token, throwOnError: false);
            if (status.ExitCode == 0 && RunningPort(pidFile) is { } runningPort)
            {
                if (LiveOwner(data) is { } owner) return new EmbeddedPostgres(folder, runningPort, owner, secret);
                // its owner died without stopping it (SIGKILL): adopt it rather than restart it
                WriteOwner(data);
                return new EmbeddedPostgres(folder, runningPort, null, secret);
            }
            // a crash of the server itself leaves a stale pid file that would block the start
            if (status.ExitCode != 0) File.Delete(pidFile);
        }

        var port = FreeLoopbackPort();
        var options = $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories='' -c max_connections=300" +
                      (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        var logFile = Path.Combine(data, "server.log");
        await PostgresBinaries.RunAsync(pgCtl, ["start", "-D", data, "-w", "-t", "60", "-l", logFile, "-o", options], folder.RunAs, token);
        WriteOwner(data);
        var started = new EmbeddedPostgres(folder, port, null, secret);
        if (secret is not null) return started;
        secret = await ClusterSecret.ProtectLegacyClusterAsync(data, started.ConnectionString(), folder.RunAs, token);
        return new EmbeddedPostgres(folder, port, null, secret);
    }

    public async Task StopAsync()
    {
        if (_stopped || SharedWith is not null) return;
        _stopped = true;
        await PostgresBinaries.RunAsync(PostgresBinaries.Require("pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w"],
            _folder.RunAs, CancellationToken.None, throwOnError: false);
        File.Delete(Path.Combine(DataDirectory, OwnerFile));
    }

    /// <summary>Stops the server synchronously; for process-exit hooks where nothing can be awaited.</summary>
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    public ValueTask DisposeAsync() => new(StopAsync());

    /// <summary>postmaster.pid's fourth line is the port the server listens on.</summary>
    private static int? RunningPort(string pidFile) =>
        File.ReadAllLines(pidFile) is { Length: >= 4 } lines && int.TryParse(lines[3].Trim(), out var port) ? port : null;

    private static void WriteOwner(string data) =>
        File.WriteAllText(Path.Combine(data, OwnerFile), $"{Environment.ProcessId} {ProcessStart(Environment.ProcessId)}");

    /// <summary>The owner's pid while that very process still runs (a start time guards against a reused pid).</summary>
    private static int? LiveOwner(string data)
    {
        var file = Path.Combine(data, OwnerFile);
        if (!File.Exists(file)) return null;
        var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[0], out var pid) || pid == Environment.ProcessId) return null;
        return ProcessStart(pid) is { } started && started == parts[1] ? pid : null;
    }

    /// <summary>Field 22 of /proc/{pid}/stat: the process's start time in clock ticks since boot.</summary>
    private static string? ProcessStart(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
        }
        catch (IOException) { return null; }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
