using CampaignManager.Tests.Appeals;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// App processes in Balanced mode over one database of their own and one real SMTP server. Nodes start one after
/// the other, each waited for until its row appears in <c>wolverine_nodes</c>: that is how the test knows which row
/// (and so which agents) belongs to which process, since every node describes itself by the same machine name.
/// The nodes run with the app's own failover settings (Hosting/Durability.cs): what this measures is what ships.
/// </summary>
public sealed class Cluster(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<AppProcess> _processes = [];

    public SmtpServerFixture Smtp { get; } = new();
    public string ConnectionString { get; private set; } = "";
    public List<ClusterNode> Registered { get; } = [];

    public Task InitializeAsync() => Smtp.InitializeAsync();

    public async Task DisposeAsync()
    {
        StopAll();
        await Smtp.DisposeAsync();
    }

    /// <summary><paramref name="extra"/>: settings a test adds for its own capability (the webhook tests' receiver address rule).</summary>
    public async Task<(List<HttpClient> Nodes, ClusterTables Tables)> StartAsync(int count, IEnumerable<KeyValuePair<string, string>>? extra = null)
    {
        ConnectionString = await TestDatabase.CreateDatabaseAsync("cmnodes");
        var tables = new ClusterTables(ConnectionString);
        var settings = AppealsFixture.SettingsFor(Smtp).Concat(
        [
            new("ConnectionStrings:Marten", ConnectionString), new("Seeds:LoadOnStart", "false"), new("Wolverine:Solo", "false")
        ]).Concat(extra ?? []).ToList();
        var clients = new List<HttpClient>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var app = AppProcess.Start(settings);
            _processes.Add(app);
            await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            var known = Registered.Select(n => n.Id).ToHashSet();
            var rows = await Eventually.UntilAsync(tables.NodesAsync, n => n.Count(x => !known.Contains(x.Id)) == 1,
                TimeSpan.FromSeconds(30), $"node {i} to register");
            Registered.Add(rows.Single(x => !known.Contains(x.Id)));
            output.WriteLine($"node {i}: {app.BaseAddress} is #{Registered[i].Number} ({Registered[i].Id}), up at {started.Elapsed.TotalSeconds:0.0}s");
            clients.Add(app.Client());
        }
        return (clients, tables);
    }

    public int IndexOf(Guid nodeId) => Registered.FindIndex(n => n.Id == nodeId);

    /// <summary>SIGKILL: no shutdown, no goodbye to the cluster; only its stale heartbeat tells the others.</summary>
    public void Kill(int index) => _processes[index].Kill();

    public void StopAll()
    {
        foreach (var app in _processes) app.Dispose();
        _processes.Clear();
    }
}
