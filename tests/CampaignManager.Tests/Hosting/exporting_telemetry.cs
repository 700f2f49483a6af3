using CampaignManager.Tests.Appeals;
namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The built app, configured only through the standard OTEL_* variables, exports over OTLP/HTTP to a real collector
/// endpoint on loopback: what staff did (a draft, a signature) must show up as spans from each layer.
/// </summary>
public class exporting_telemetry
{
    [Fact]
    public async Task a_request_reaches_the_otlp_endpoint_as_spans_from_aspnet_core_marten_and_npgsql_plus_metrics()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        var database = await TestDatabase.CreateDatabaseAsync("otel");
        using var app = AppProcess.Start([
            new("ConnectionStrings:Marten", database), new("Seeds:LoadOnStart", "false"), new("Wolverine:Solo", "true"),
            new("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint), new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            new("OTEL_SERVICE_NAME", "campaignmanager-otel-test"),
            // export within a second instead of the 5 s and 60 s defaults
            new("OTEL_BSP_SCHEDULE_DELAY", "200"), new("OTEL_METRIC_EXPORT_INTERVAL", "1000")
        ]);
        await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));
        using var http = app.Client();
        (await http.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK); // must not become a span

        var draft = await http.PostAsJsonAsync("/api/letters", new
        {
            title = "Telemetry", subject = "A traced letter", body = "Dear Secretary,", closing = "Sincerely,",
            addressees = new[] { new { name = "The Honorable Mike Pompeo" } }
        });
        draft.StatusCode.ShouldBe(HttpStatusCode.Created, await draft.Content.ReadAsStringAsync());
        var letter = draft.Headers.Location!.ToString();
        (await http.PostAsJsonAsync($"{letter}/open", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        // a sign-on runs in its endpoint, not through Wolverine's bus (issue #11), so its spans are ASP.NET Core's,
        // Marten's and Npgsql's; Wolverine's own source still traces the messages it handles (appeal delivery)
        (await http.PostAsJsonAsync($"{letter}/signatures", new { kind = "organization", name = "Human Rights First" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        string[] expected =
        [
            "campaignmanager-otel-test", // service.name from OTEL_SERVICE_NAME
            "POST /api/letters/{id}/signatures", // ASP.NET Core span named by its route
            "Marten", "marten.connection",
            "Npgsql", "postgresql"
        ];
        var traces = await Eventually.UntilAsync(() => Task.FromResult(collector.Text("traces")),
            text => expected.All(text.Contains), TimeSpan.FromSeconds(30), $"spans with {string.Join(", ", expected)}");
        traces.ShouldNotContain("/health/"); // probes are filtered out

        await Eventually.UntilAsync(() => Task.FromResult(collector.Text("metrics")),
            text => text.Contains("http.server.request.duration") && text.Contains("campaignmanager-otel-test"),
            TimeSpan.FromSeconds(30), "the ASP.NET Core request duration metric");
    }
}
