using System.Diagnostics;
using System.Net.Http.Json;
using CampaignManager.Hosting;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using Marten;
using Npgsql;

// A console harness, not a test: it reports how much the full sign-on path (HTTP, validation, Wolverine, dedupe keys,
// inline projections) costs against a baseline run in the same process on the same database: appending the same
// events straight to Marten. Ratios travel between machines; absolute timings do not.
// Run: dotnet run -c Release --project tests/CampaignManager.Benchmarks   (BENCH_SIGNERS=2000 for a bigger run; not an
// argument, because the app under test reads the process's command line through its JasperFx command parser)
// BENCH_ONLY=rebuild BENCH_EVENTS=1000000: only the rebuild scenario (RebuildScenario.cs), on its own embedded cluster
if (Environment.GetEnvironmentVariable("BENCH_ONLY") == "rebuild")
{
    var rebuildFolder = Path.Combine(Path.GetTempPath(), $"campaignmanager-rebuild-{Environment.ProcessId}");
    await using var rebuildCluster = await EmbeddedPostgres.StartAsync(rebuildFolder, durable: false);
    Console.Error.WriteLine($"cluster: {rebuildCluster.ConnectionString()}");
    var rebuilt = await CampaignManager.Benchmarks.RebuildScenario.RunAsync(rebuildCluster.ConnectionString(),
        int.TryParse(Environment.GetEnvironmentVariable("BENCH_EVENTS"), out var e) ? e : 100_000, Console.Out);
    Console.WriteLine($"rebuild: {rebuilt.EventsPerSecond:N0} events/s, peak RSS {rebuilt.PeakRssBytes / 1048576} MB, load {File.ReadAllText("/proc/loadavg").Trim()}");
    await rebuildCluster.DisposeAsync();
    if (Directory.Exists(rebuildFolder)) Directory.Delete(rebuildFolder, recursive: true); // a million events leave gigabytes
    return 0;
}
var signers = int.TryParse(Environment.GetEnvironmentVariable("BENCH_SIGNERS"), out var n) ? n : 500;
var folder = Path.Combine(Path.GetTempPath(), $"campaignmanager-bench-{Environment.ProcessId}");
await using var cluster = await EmbeddedPostgres.StartAsync(folder, durable: false);
await using (var c = new NpgsqlConnection(cluster.ConnectionString()))
{
    await c.OpenAsync();
    await using var create = new NpgsqlCommand("create database bench", c);
    await create.ExecuteNonQueryAsync();
}

// The app runs as its own process on a real port, as in production; the harness talks HTTP to it.
var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
listener.Start();
var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
listener.Stop();
// the app denies anonymous callers; the first admin's API token comes from the environment, as in README's walk-throughs
var bootstrapToken = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
var app = Process.Start(new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "CampaignManager.dll"), "--urls", $"http://127.0.0.1:{port}"])
{
    WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
    Environment = { ["ConnectionStrings__Marten"] = cluster.ConnectionString("bench"), ["Seeds__LoadOnStart"] = "false", ["Auth__BootstrapToken"] = bootstrapToken, ["Database__AutoCreate"] = "All",
        ["Logging__LogLevel__Default"] = "Warning" }
})!;
var appLog = File.CreateText(Path.Combine(Path.GetTempPath(), "campaignmanager-bench-app.log"));
app.OutputDataReceived += (_, e) => { lock (appLog) appLog.WriteLine(e.Data); };
app.ErrorDataReceived += (_, e) => { lock (appLog) appLog.WriteLine(e.Data); };
// a failed run must not leave the app behind holding its port
void StopApp() { if (!app.HasExited) app.Kill(entireProcessTree: true); }
AppDomain.CurrentDomain.ProcessExit += (_, _) => StopApp();
AppDomain.CurrentDomain.UnhandledException += (_, _) => StopApp();
app.BeginOutputReadLine();
app.BeginErrorReadLine();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bootstrapToken);
var ready = Stopwatch.StartNew();
using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
while (await tick.WaitForNextTickAsync())
{
    try { if ((await http.GetAsync("/api/letters")).IsSuccessStatusCode) break; }
    catch (HttpRequestException) when (ready.Elapsed < TimeSpan.FromMinutes(2)) { }
}
using var store = DocumentStore.For(o =>
{
    o.Connection(cluster.ConnectionString("bench"));
    o.DatabaseSchemaName = "campaigns";
    o.UseSystemTextJsonForSerialization(Weasel.Core.EnumStorage.AsString, Weasel.Core.Casing.CamelCase);
    // the app owns the schema: the baseline writes into it exactly as it is and never migrates it
    o.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
    o.Events.MetadataConfig.CorrelationIdEnabled = true;
    o.Events.MetadataConfig.CausationIdEnabled = true;
});

async Task<Guid> OpenLetterAsync()
{
    var created = await http.PostAsJsonAsync("/api/letters", new { title = "Bench", subject = "S", body = "B", closing = "C" });
    var id = (await created.Content.ReadFromJsonAsync<IdBody>())!.Id;
    (await http.PostAsJsonAsync($"/api/letters/{id}/open", new { })).EnsureSuccessStatusCode();
    return id;
}

async Task<TimeSpan> BaselineAsync(Guid letterId)
{
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, signers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, token) =>
    {
        await using var session = store.LightweightSession();
        var id = Guid.NewGuid();
        session.Events.StartStream<Signature>(id, new SignatureAdded(id, letterId, SignatoryKind.Individual, $"Base {i}", null, null,
            false, $"base{i}@example.org", 1, "bench", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync(token);
    });
    return watch.Elapsed;
}

async Task<TimeSpan> SignOnAsync(Guid letterId)
{
    var watch = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, signers), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        (await http.PostAsJsonAsync($"/api/letters/{letterId}/signatures",
            new { kind = "individual", name = $"Signer {i}", email = $"s{i}@example.org" })).EnsureSuccessStatusCode());
    return watch.Elapsed;
}

async Task<TimeSpan> TimeAsync(int times, Func<Task> read)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < times; i++) await read();
    return watch.Elapsed;
}

// Reads at a small and a large size: the letter view and the public page should cost about the same at both. The
// baseline is a plain Marten load of the letter document, the least any view of the letter can cost.
async Task<(TimeSpan Baseline, TimeSpan View, TimeSpan Page)> ReadAsync(int size)
{
    var letterId = await OpenLetterAsync();
    await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        (await http.PostAsJsonAsync($"/api/letters/{letterId}/signatures", new
        {
            kind = i % 5 == 0 ? "organization" : "individual", name = $"Reader {i} Person{i % 97}", email = $"r{size}-{i}@example.org"
        })).EnsureSuccessStatusCode());
    var page = (await http.GetFromJsonAsync<LetterBody>($"/api/letters/{letterId}"))!.PublicSignOnUrl!;
    await TimeAsync(5, async () => (await http.GetAsync(page)).EnsureSuccessStatusCode());
    var baseline = await TimeAsync(50, async () =>
    {
        await using var session = store.QuerySession();
        _ = await session.LoadAsync<Letter>(letterId) ?? throw new InvalidOperationException("no letter");
    });
    var view = await TimeAsync(50, async () => (await http.GetAsync($"/api/letters/{letterId}")).EnsureSuccessStatusCode());
    var publicPage = await TimeAsync(50, async () => (await http.GetAsync(page)).EnsureSuccessStatusCode());
    return (baseline, view, publicPage);
}

// warm-up: JIT, code generation, connection pools
await BaselineAsync(await OpenLetterAsync());
await SignOnAsync(await OpenLetterAsync());

var write = (Baseline: await BaselineAsync(await OpenLetterAsync()), SignOn: await SignOnAsync(await OpenLetterAsync()));
var readSizes = new[] { 100, int.TryParse(Environment.GetEnvironmentVariable("BENCH_READ_SIGNATURES"), out var r) ? r : 5000 };
var reads = new List<(int Size, (TimeSpan Baseline, TimeSpan View, TimeSpan Page) Times)>();
foreach (var size in readSizes) reads.Add((size, await ReadAsync(size)));

Console.WriteLine($"{signers} concurrent signers (32 at a time)");
Console.WriteLine($"  baseline  raw Marten append       {write.Baseline.TotalMilliseconds,8:0} ms");
Console.WriteLine($"  sign-on   POST /signatures        {write.SignOn.TotalMilliseconds,8:0} ms   ratio {write.SignOn / write.Baseline:0.00}x");
foreach (var (size, read) in reads)
{
    Console.WriteLine($"50 reads of a letter with {size} signatures");
    Console.WriteLine($"  baseline  load the Letter doc     {read.Baseline.TotalMilliseconds,8:0} ms");
    Console.WriteLine($"  view      GET /api/letters/{{id}}  {read.View.TotalMilliseconds,8:0} ms   ratio {read.View / read.Baseline:0.00}x");
    Console.WriteLine($"  public    GET /sign/{{token}}      {read.Page.TotalMilliseconds,8:0} ms   ratio {read.Page / read.Baseline:0.00}x");
}
app.Kill(entireProcessTree: true);
return 0;

record IdBody(Guid Id);
record LetterBody(Guid Id, string? PublicSignOnUrl);
