using CampaignManager.Tests.Appeals;
using Npgsql;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// Production against a configured database: the schema is the operator's db-apply, never a side effect of starting.
/// Each test runs the built app as a process over a database of its own, without Database:AutoCreate, so the
/// default policy is what is tested.
/// </summary>
public class applying_the_schema
{
    private static KeyValuePair<string, string>[] ProductionSettings(string database) =>
    [
        new("ConnectionStrings:Marten", database), new("Seeds:LoadOnStart", "false"),
        new("Database:AutoCreate", ""), new("ASPNETCORE_ENVIRONMENT", "Production")
    ];

    private static async Task<long> TableCountAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static async Task<bool> TableExistsAsync(string database, string table)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var exists = connection.CreateCommand();
        exists.CommandText = "select to_regclass(@table) is not null";
        exists.Parameters.AddWithValue("table", table);
        return (bool)(await exists.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task db_assert_passes_after_db_apply_on_a_fresh_database_and_the_app_then_serves_and_is_ready()
    {
        var database = await TestDatabase.CreateDatabaseAsync("schema");

        var before = await AppCommand.RunAsync(database, "db-assert");
        before.ExitCode.ShouldNotBe(0, before.Output);

        var apply = await AppCommand.RunAsync(database, "db-apply");
        apply.ExitCode.ShouldBe(0, apply.Output);
        apply.Output.ShouldContain("Applied 2 database(s)"); // Marten's store and Wolverine's message storage
        (await TableCountAsync(database)).ShouldBeGreaterThan(0);

        var assert = await AppCommand.RunAsync(database, "db-assert");
        assert.ExitCode.ShouldBe(0, assert.Output);
        assert.Output.ShouldContain("No database differences detected for 'Main'");
        assert.Output.ShouldContain("No database differences detected for 'WolverineEnvelopeStorage'");

        // Balanced mode, as in production: ready once the leader has assigned the durability agent
        using var app = AppProcess.Start(ProductionSettings(database));
        await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var http = app.Client();
        var ready = await Eventually.UntilAsync(async () =>
        {
            var response = await http.GetAsync("/health/ready");
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromMinutes(2), "/health/ready to answer 200");
        var answer = JsonSerializer.Deserialize<HealthAnswer>(ready.Body, AppProcess.Json)!;
        answer["wolverine"].Status.ShouldBe("Healthy");
        answer["wolverine"].Data["mode"].GetString().ShouldBe("Balanced");
        answer["wolverine"].Description!.ShouldContain("registered");
        answer["projections"].Status.ShouldBe("Healthy");
        answer["schema"].Status.ShouldBe("Healthy");
        answer["schema"].Description!.ShouldStartWith("The schema matche");
    }

    [Fact]
    public async Task a_release_started_before_its_db_apply_serves_but_is_not_ready_and_names_what_is_missing()
    {
        var database = await TestDatabase.CreateDatabaseAsync("behind");
        (await AppCommand.RunAsync(database, "db-apply")).ExitCode.ShouldBe(0);
        // what a new release would need and an older db-apply did not create
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "drop table campaigns.mt_event_progression";
            await drop.ExecuteNonQueryAsync();
        }

        using var app = AppProcess.Start(ProductionSettings(database));
        await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var http = app.Client();
        var response = await http.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var answer = JsonSerializer.Deserialize<HealthAnswer>(await response.Content.ReadAsStringAsync(), AppProcess.Json)!;
        answer["schema"].Status.ShouldBe("Unhealthy");
        answer["schema"].Description!.ShouldStartWith("The database schema differs from this release; run db-apply.");
        answer["schema"].Description!.ShouldContain("CREATE TABLE IF NOT EXISTS campaigns.mt_event_progression");
        (await TableExistsAsync(database, "campaigns.mt_event_progression")).ShouldBeFalse(); // not created behind db-apply's back
    }

    [Fact]
    public async Task the_app_stops_at_start_up_on_an_empty_database_instead_of_creating_tables()
    {
        var database = await TestDatabase.CreateDatabaseAsync("empty");

        using var app = AppProcess.Start(ProductionSettings(database));

        (await app.ExitsWithinAsync(TimeSpan.FromMinutes(2))).ShouldBeTrue("the app kept running on a database without its schema");
        app.ExitCode.ShouldNotBe(0, "a failed start is a failure to whoever started it");
        app.Output.ShouldContain("Hosting failed to start");
        app.Output.ShouldContain("wolverine_incoming_envelopes");
        (await TableCountAsync(database)).ShouldBe(0);
    }
}
