using CampaignManager.Benchmarks.Harness;
using CampaignManager.Benchmarks.Scenarios;

// A console harness, not a test: every scenario of issue #11 in one run, each figure next to a baseline measured in the
// same run on the same PostgreSQL server, printed as one Markdown table. Ratios travel between machines; absolute
// timings do not, so no test asserts a timing.
// Run: dotnet run -c Release --project tests/CampaignManager.Benchmarks
// Settings are environment variables (see Settings), not arguments: the app under test parses the process's command
// line through its JasperFx command parser.
var settings = Settings.FromEnvironment();
var log = Console.Out;
log.WriteLine($"{settings.Describe()}");
log.WriteLine($"machine: {Machine.Describe()}; load average at start {Machine.LoadAverage()}");

await using var app = await AppUnderTest.StartAsync();
await using var appStore = AppStore.For(app.ConnectionString, createSchema: false);
var rows = new List<Row>();

if (settings.Runs("signon"))
{
    log.WriteLine($"sign-on surge: pgbench, then {settings.Clients} clients for {settings.SurgeDuration.TotalSeconds:0} s");
    var pgbench = await PgBench.RunAsync(app, settings.Clients, settings.SurgeDuration, TextWriter.Null);
    var surge = await SignOnSurge.RunAsync(app, settings.Clients, settings.SurgeDuration);
    Done(Rows.SignOn(pgbench, surge));
}

FilledLetter? large = null;
if (settings.Runs("reads"))
{
    log.WriteLine($"reads: letters with 100 and {settings.LargeLetter:N0} signatures, {settings.Reads} reads each");
    var small = await LetterReads.RunAsync(app, appStore.Store, 100, settings.Reads, settings.Clients);
    var big = await LetterReads.RunAsync(app, appStore.Store, settings.LargeLetter, settings.Reads, settings.Clients);
    large = big.Letter;
    Done(Rows.Reads(small, big));
}

if (settings.Runs("asof"))
{
    log.WriteLine($"asOf: {settings.AsOfReads} reads of the {settings.LargeLetter:N0}-signature letter as of its middle");
    large ??= await LetterReads.FillAsync(app.Http, settings.LargeLetter);
    Done(Rows.AsOf(await AsOfView.RunAsync(app, large, settings.AsOfReads), large));
}

if (settings.Runs("rebuild"))
{
    log.WriteLine($"rebuild: generating {settings.RebuildEvents:N0} events");
    var rebuild = await RebuildScenario.RunAsync(await app.CreateDatabaseAsync("rebuild"), settings.RebuildEvents, log);
    Done(Rows.Rebuild(rebuild));
}

rows.Add(new Row("app memory", "RSS of the app process after the run", "", PeakRss: PeakMemory.Read(app.Process.Id, "VmRSS")));
log.WriteLine($"load average at end {Machine.LoadAverage()}");
log.WriteLine();
Table.Print(rows, log);
log.WriteLine();
log.WriteLine(Rows.Legend);
return 0;

// each scenario's rows as soon as it ends, so a run stopped in a later scenario still reports the earlier ones
void Done(IEnumerable<Row> scenario)
{
    var done = scenario.ToList();
    Table.Print(done, log);
    rows.AddRange(done);
}
