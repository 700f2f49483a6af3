using CampaignManager.Tests.Appeals;
using System.Diagnostics;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CampaignManager.Tests.Deploy;

/// <summary>deploy/Dockerfile, checked without a Docker engine (none runs on our machines).</summary>
public class the_docker_image
{
    private static string[] ExecForm(string keyword) =>
        JsonSerializer.Deserialize<string[]>(DeployFiles.FinalStage().Last(i => i.Keyword == keyword).Arguments)!;

    /// <summary>The exec-form command after HEALTHCHECK's options: ["campaignmanager-healthcheck", "/health/live"].</summary>
    public static string[] HealthCheckCommand()
    {
        var arguments = DeployFiles.FinalStage().Single(i => i.Keyword == "HEALTHCHECK").Arguments;
        return JsonSerializer.Deserialize<string[]>(arguments[(arguments.IndexOf("CMD [", StringComparison.Ordinal) + 4)..])!;
    }

    [Fact]
    public void the_entrypoint_runs_the_apps_own_assembly_from_the_folder_the_publish_output_is_copied_to()
    {
        var stage = DeployFiles.FinalStage();
        ExecForm("ENTRYPOINT").ShouldBe(["dotnet", $"{typeof(Program).Assembly.GetName().Name}.dll"]);

        var workdir = stage.Last(i => i.Keyword == "WORKDIR").Arguments;
        stage.ShouldContain(i => i.Keyword == "COPY" && i.Arguments == "--from=build /app/publish ./" && workdir == "/app");
        DeployFiles.DockerfileInstructions().ShouldContain(i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish") && i.Arguments.Contains("-o /app/publish"));
    }

    [Fact]
    public void the_exposed_port_is_the_port_the_app_is_told_to_listen_on()
    {
        var expose = DeployFiles.FinalStage().Single(i => i.Keyword == "EXPOSE").Arguments;
        DeployFiles.ImageEnvironment()["ASPNETCORE_HTTP_PORTS"].ShouldBe(expose);
    }

    [Fact]
    public void the_image_runs_as_a_user_other_than_root()
    {
        var user = DeployFiles.FinalStage().Last(i => i.Keyword == "USER").Arguments;
        user.ShouldNotBeOneOf("root", "0", "0:0");
        // $APP_UID is the aspnet base image's own unprivileged user; the Kubernetes pods pin the same uid
        user.ShouldBe("$APP_UID");
        DeployFiles.FinalStage().First().Arguments.ShouldStartWith("mcr.microsoft.com/dotnet/aspnet:");
    }

    [Fact]
    public void the_restore_sees_nuget_config_and_every_local_feed_it_names_at_the_same_paths()
    {
        var all = DeployFiles.DockerfileInstructions();
        var restore = all.Select((i, n) => (i, n)).First(x => x.i.Keyword == "RUN" && x.i.Arguments.Contains("dotnet restore")).n;
        var copiedBeforeRestore = all.Take(restore).Where(i => i.Keyword == "COPY").Select(i => i.Arguments).ToList();

        copiedBeforeRestore.ShouldContain(c => c.Split(' ').Contains("nuget.config"));
        var localFeeds = XDocument.Load(DeployFiles.PathOf("nuget.config")).Descendants("add")
            .Select(a => (string)a.Attribute("value")!).Where(v => !v.Contains("://")).ToList();
        localFeeds.ShouldNotBeEmpty();
        foreach (var feed in localFeeds)
        {
            var path = feed.TrimEnd('/') + "/";
            copiedBeforeRestore.ShouldContain($"{path} {path}", $"the Dockerfile must copy the local feed {feed} before the restore");
            File.ReadAllText(DeployFiles.PathOf("deploy/Dockerfile.dockerignore")).ShouldNotContain(feed.TrimEnd('/') + "\n");
        }
    }

    [Fact]
    public async Task the_health_check_succeeds_on_a_2xx_answer_and_fails_on_an_error_or_a_dead_port()
    {
        var check = HealthCheckCommand();
        var install = DeployFiles.FinalStage().Single(i => i.Keyword == "COPY" && i.Arguments.EndsWith("/" + check[0]));
        var script = DeployFiles.PathOf(install.Arguments.Split(' ')[^2]);
        var port = SmtpServerFixture.UnusedLoopbackPort();

        // Kestrel, the app's own server, answering the probed path with 200 and another with 503
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var server = builder.Build();
        server.MapGet(check[1], () => Results.Ok(new { status = "Healthy" }));
        server.MapGet("/unhealthy", () => Results.StatusCode(503));
        await server.StartAsync();

        (await RunAsync(script, check[1], port)).ShouldBe(0);
        (await RunAsync(script, "/unhealthy", port)).ShouldNotBe(0);
        (await RunAsync(script, "/not-mapped", port)).ShouldNotBe(0);
        await server.StopAsync();
        (await RunAsync(script, check[1], port)).ShouldNotBe(0);
    }

    private static async Task<int> RunAsync(string script, string path, int port)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(path);
        // as in the image: the port comes from the same variable Kestrel reads
        start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString();
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}
