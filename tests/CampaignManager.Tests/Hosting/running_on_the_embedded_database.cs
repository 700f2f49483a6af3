using CampaignManager.Tests.Appeals;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Hosting;

[CollectionDefinition(Name)]
public class EmbeddedDatabaseCollection
{
    public const string Name = "embedded-database";
}

/// <summary>
/// README's run command on its embedded default database, as the built app in real processes: from a folder that is
/// closed to the postgres account (a 0700 clone, with a space in its path), shared with a command, refused to a
/// second app, adopted after a SIGKILL and stopped with the app.
/// </summary>
[Collection(EmbeddedDatabaseCollection.Name)]
public class running_on_the_embedded_database(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Start = TimeSpan.FromMinutes(2);
    // like `mktemp -d`, CreateTempSubdirectory makes the folder mode 0700
    private readonly string _home = Directory.CreateTempSubdirectory("cm home ").FullName;
    private readonly List<AppProcess> _apps = [];
    private ClusterFolder? _cluster;

    private string Asked => Path.Combine(_home, "my clone", ".data", "postgres");

    private KeyValuePair<string, string>[] Settings =>
        [new("Database:DataDirectory", Asked), new("Seeds:LoadOnStart", "false")];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        if (_cluster is not null)
            await PostgresBinaries.RunAsync(PostgresBinaries.Require("pg_ctl"), ["stop", "-D", _cluster.DataDirectory, "-m", "immediate"],
                _cluster.RunAs, CancellationToken.None, throwOnError: false);
        if (_cluster?.Relocated is not null) Directory.Delete(_cluster.DataDirectory, recursive: true);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task a_folder_closed_to_the_server_account_gets_a_cluster_it_can_reach()
    {
        var chosen = await ClusterFolder.ChooseAsync(Asked, CancellationToken.None);

        if (Environment.UserName == "root")
        {
            chosen.RunAs.ShouldBe("postgres");
            chosen.Relocated.ShouldBe(Asked);
            chosen.DataDirectory.ShouldStartWith(ClusterFolder.RelocationRoot + "/");
            (await ClusterFolder.ChooseAsync(Asked, CancellationToken.None)).ShouldBe(chosen, "the same checkout finds its data again");
        }
        else
        {
            chosen.ShouldBe(new ClusterFolder(Asked, null, null));
        }
    }

    [Fact]
    public async Task a_first_start_without_a_bootstrap_token_prints_a_one_time_link_that_signs_the_first_admin_in_once()
    {
        _cluster = await ClusterFolder.ChooseAsync(Asked, CancellationToken.None);
        var app = AppProcess.Start([.. Settings, new("Auth:BootstrapToken", "")]);
        _apps.Add(app);

        var link = await Eventually.UntilAsync(() => Task.FromResult(Regex.Match(app.Output, @"http://\S+/signin/once/[0-9a-f]{64}")),
            m => m.Success, Start, "the first admin's sign-in link on the console");

        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        var first = await browser.GetAsync(link.Value);
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect, app.Output);
        first.Headers.Location!.ToString().ShouldBe("/account/password");
        first.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".CampaignManager.Staff="));
        (await browser.GetAsync(link.Value)).StatusCode.ShouldBe(HttpStatusCode.NotFound, "the link is spent");
    }

    [Fact]
    public async Task the_app_shares_its_database_with_a_command_refuses_a_second_app_and_survives_a_crash()
    {
        _cluster = await ClusterFolder.ChooseAsync(Asked, CancellationToken.None);
        var first = await StartAppAsync();

        var seed = await AppProcess.RunCommandAsync(Settings, Start, "seed");
        output.WriteLine(seed.Output[^Math.Min(seed.Output.Length, 2000)..]);
        seed.ExitCode.ShouldBe(0);
        (await LetterCountAsync(first)).ShouldBeGreaterThan(0, "the seed command wrote into the running app's database");

        var second = await AppProcess.RunCommandAsync(Settings, Start, "--urls", "http://127.0.0.1:0");
        second.ExitCode.ShouldNotBe(0);
        second.Output.ShouldContain("is already running on the embedded database");
        second.Output.ShouldNotContain("   at ", Case.Sensitive, "a refusal is a message, not a stack trace");
        (await LetterCountAsync(first)).ShouldBeGreaterThan(0, "neither command stopped the first app's database");

        first.Kill();
        var adopted = await StartAppAsync();
        (await LetterCountAsync(adopted)).ShouldBeGreaterThan(0, "the restarted app found the data the crashed one left");

        await adopted.StopAsync(Start);
        var status = await PostgresBinaries.RunAsync(PostgresBinaries.Require("pg_ctl"), ["status", "-D", _cluster.DataDirectory],
            _cluster.RunAs, CancellationToken.None, throwOnError: false);
        status.ExitCode.ShouldNotBe(0, "stopping the app stops the server it adopted");
    }

    private async Task<AppProcess> StartAppAsync()
    {
        var app = AppProcess.Start(Settings);
        _apps.Add(app);
        await app.WaitUntilReadyAsync(Start);
        return app;
    }

    private static async Task<int> LetterCountAsync(AppProcess app)
    {
        using var http = app.Client();
        var page = await http.GetFromJsonAsync<JsonElement>("/api/letters");
        return page.GetProperty("items").GetArrayLength();
    }
}
