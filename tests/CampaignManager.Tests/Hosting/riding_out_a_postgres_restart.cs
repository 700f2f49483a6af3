using CampaignManager.Tests.Appeals;
using Npgsql;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Hosting;

[CollectionDefinition(Name)]
public class PostgresRestartCollection
{
    public const string Name = "postgres-restart";
}

/// <summary>
/// The built app as a process over a private cluster of its own (the shared test cluster is never restarted), while
/// several clients sign a letter as fast as it answers and PostgreSQL is restarted under them with <c>pg_ctl restart</c>.
/// </summary>
[Collection(PostgresRestartCollection.Name)]
public class riding_out_a_postgres_restart(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cm-pgrestart-").FullName;
    private EmbeddedPostgres? _cluster;
    private AppProcess? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _app?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
            // as root the cluster lives under /var/lib/campaignmanager, outside the temporary folder
            if (_cluster.RelocatedFrom is not null) Directory.Delete(_cluster.DataDirectory, recursive: true);
        }
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task every_acknowledged_sign_on_survives_a_restart_mid_surge_and_the_app_recovers_without_a_restart()
    {
        if (!EmbeddedPostgres.BinariesAvailable()) throw new InvalidOperationException(PostgresBinaries.MissingMessage);
        _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(_folder, "postgres"), durable: false);
        await CreateDatabaseAsync(_cluster, "campaigns");
        _app = AppProcess.Start([
            new("ConnectionStrings:Marten", _cluster.ConnectionString("campaigns")), new("Seeds:LoadOnStart", "false"),
            new("Database:AutoCreate", "All"), new("Wolverine:Solo", "true")]);
        await _app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var http = _app.Client();
        // bounded: a request held past this is a hang, and is recorded as a failure
        http.Timeout = TimeSpan.FromSeconds(20);
        var letter = await OpenLetterAsync(http);

        var surge = new SignOnSurge(http, letter);
        var running = surge.RunAsync(clients: 6);
        await Eventually.UntilAsync(() => Task.FromResult(surge.Acknowledged.Count()), n => n >= 60, TimeSpan.FromSeconds(30),
            "the surge under way before the restart", TimeSpan.FromMilliseconds(20));
        var data = _cluster.DataDirectory;
        // -l again: without it the restarted server would write to (and hold open) pg_ctl's own output
        var restart = await PostgresBinaries.RunAsync(PostgresBinaries.Require("pg_ctl"),
            ["restart", "-D", data, "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(data, "server.log")], _cluster.RunAs, CancellationToken.None);
        surge.Restarted();
        output.WriteLine($"restarted with {surge.Acknowledged.Count()} acknowledged: {restart.Output.Trim()}");
        await Eventually.UntilAsync(() => Task.FromResult(surge.Acknowledged.Count(a => a.AfterRestart)), n => n >= 60,
            TimeSpan.FromSeconds(30), "sign-ons acknowledged again after the restart", TimeSpan.FromMilliseconds(20));
        surge.Stop();
        await running;

        var answers = surge.Answers.ToList();
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Key}: {g.Count()}")) +
            $"; slowest {answers.Max(a => a.Took).TotalMilliseconds:0} ms, {answers.Count(a => a.Took > TimeSpan.FromMilliseconds(500))} over 500 ms");
        answers.Where(a => a.Status == 0).ShouldBeEmpty("no request may fail at the transport or outlast the client timeout");
        answers.Where(a => a.Status is not (200 or 201 or 503)).ShouldBeEmpty("only 2xx or a clean 503 during the outage");
        answers.Where(a => a.Status == 503).ShouldAllBe(a => a.ContentType == "application/problem+json" && a.RetryAfter != null);

        (await http.GetAsync(Health.ReadyPath)).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await surge.SignAsync("Signed after the restart")).Status.ShouldBe(201);
        var promised = surge.Acknowledged.Select(a => a.SignatureId!.Value).ToHashSet();
        var onFile = await Eventually.UntilAsync(surge.SignatoriesAsync, ids => ids.IsSupersetOf(promised), TimeSpan.FromSeconds(30),
            $"all {promised.Count} acknowledged signatures among the letter's signatories");
        output.WriteLine($"{promised.Count} acknowledged, {onFile.Count} on file");
        // evidence, not an assertion (the log keeps only its last lines): sign-ons the restart cut and the retry carried
        output.WriteLine($"sign-on invocations that failed and were retried: {_app.Output.Split('\n').Count(l => l.Contains("retried after attempt"))}");
    }

    private static async Task CreateDatabaseAsync(EmbeddedPostgres cluster, string name)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString());
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<Guid> OpenLetterAsync(HttpClient http)
    {
        var created = await http.PostAsJsonAsync("/api/letters", new
        {
            title = "Stay on the Council", subject = "U.S. membership of the UN Human Rights Council",
            body = "We urge the United States to stay engaged.", closing = "Sincerely,"
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<LetterApi.Created>())!.Id;
        (await http.PostAsJsonAsync($"/api/letters/{id}/open", new { })).EnsureSuccessStatusCode();
        return id;
    }
}
