using CampaignManager.Tests.Appeals;
using Npgsql;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Hosting;

[CollectionDefinition(Name)]
public class SurgeRebuildCollection
{
    public const string Name = "surge-rebuild";
}

/// <summary>
/// Issue #18: `projections rebuild` run by an operator, as a process of the built app, over a private cluster that the
/// app itself filled with a sign-on surge in which every signer arrived twice at the same instant. The losers of those
/// races roll back after Marten has taken their event sequence numbers, so the event store the rebuild reads has
/// tombstones and holes in it, as every database a surge has passed through does.
/// </summary>
[Collection(SurgeRebuildCollection.Name)]
public class rebuilding_projections_after_a_sign_on_surge(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Signers = 700;
    private readonly string _folder = Directory.CreateTempSubdirectory("cm-surge-rebuild-").FullName;
    private EmbeddedPostgres? _cluster;
    private AppProcess? _app;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _app?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.StopAsync();
            if (_cluster.RelocatedFrom is not null) Directory.Delete(_cluster.DataDirectory, recursive: true);
        }
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task succeeds_and_gives_back_every_document_as_it_was()
    {
        if (!EmbeddedPostgres.BinariesAvailable()) throw new InvalidOperationException(PostgresBinaries.MissingMessage);
        _cluster = await EmbeddedPostgres.StartAsync(Path.Combine(_folder, "postgres"), durable: false);
        var database = _cluster.ConnectionString("campaigns");
        await ExecuteAsync(_cluster.ConnectionString(), "create database campaigns");
        // as the issue ran it: own PostgreSQL (so Wolverine runs Balanced), no seed data
        _app = AppProcess.Start([new("ConnectionStrings:Marten", database), new("Seeds:LoadOnStart", "false")]);
        await _app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using var http = _app.Client();
        var letter = await OpenLetterAsync(http);

        var surge = new SignOnSurge(http, letter);
        var next = -1;
        // eight clients, each signer posted by two of them at once: one commits, the other rolls back and is retried
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < 2 * Signers; i = Interlocked.Increment(ref next))
                surge.Answers.Enqueue(await surge.SignAsync($"Surge signer {i / 2}"));
        }));
        var answers = surge.Answers.ToList();
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.Status).Select(g => $"{g.Key}: {g.Count()}")));
        answers.Where(a => a.Status is not (200 or 201)).ShouldBeEmpty();
        answers.Count(a => a.Status == 201).ShouldBe(Signers);

        // the async projections caught up with the surge before the app stops
        var tables = new ClusterTables(database);
        await Eventually.UntilAsync(tables.ProjectionProgressAsync, p => p.Projection == p.Events, TimeSpan.FromSeconds(60),
            "the coalition projections caught up with the last event");
        await _app.StopAsync(TimeSpan.FromSeconds(30));

        var (events, highest, tombstones) = await EventStoreShapeAsync(database);
        output.WriteLine($"{events} events up to sequence {highest}, {tombstones} of them tombstones of rolled-back sign-ons");
        tombstones.ShouldBeGreaterThan(0, "the surge's duplicate sign-ons rolled back, leaving tombstones in the sequence");
        var before = await DocumentsAsync(database);

        var (exitCode, printed) = await AppCommand.RunAsync(database, "projections", "rebuild");
        output.WriteLine(printed.Length > 4000 ? printed[^4000..] : printed);

        printed.ShouldNotContain("Errors detected");
        printed.ShouldNotContain("Error while rebuilding");
        printed.ShouldContain("Projection Rebuild complete!");
        exitCode.ShouldBe(0);
        var after = await DocumentsAsync(database);
        after.Keys.ShouldBe(before.Keys, ignoreOrder: true);
        foreach (var (table, documents) in before)
            after[table].ShouldBe(documents, $"{table} rebuilt from the events differs from what the app had written");
        before["mt_doc_signature"].Count.ShouldBe(Signers);
    }

    private static async Task<(long Events, long Highest, long Tombstones)> EventStoreShapeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*), coalesce(max(seq_id), 0), count(*) filter (where type = 'tombstone') from campaigns.mt_events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    /// <summary>Every Marten document table, as its rows' id and JSON (jsonb text is canonical) in id order.</summary>
    private static async Task<Dictionary<string, List<string>>> DocumentsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_name from information_schema.tables where table_schema = 'campaigns' and table_name like 'mt_doc_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        var documents = new Dictionary<string, List<string>>();
        foreach (var table in tables)
        {
            var rows = new List<string>();
            await using var select = new NpgsqlCommand($"select id::text || ' ' || data::text from campaigns.{table} order by id::text", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            documents[table] = rows;
        }
        return documents;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
