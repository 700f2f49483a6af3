using CampaignManager.Tests.Appeals;
using System.Diagnostics;

namespace CampaignManager.Tests.Deploy;

/// <summary>
/// The routes the health checks request and the commands the one-shot containers run, asked of the real app:
/// a probe of a path the app does not map would keep every node out of rotation, or restart it forever.
/// </summary>
[Collection(IntegrationCollection.Name)]
public partial class what_the_deploy_files_ask_of_the_app(AppFixture fixture)
{
    /// <summary>The image's HEALTHCHECK, compose's node checks and Caddy's active check, and the Kubernetes probes.</summary>
    public static TheoryData<string> ProbedPaths() =>
        new(new[] { the_docker_image.HealthCheckCommand()[1] }
            .Concat(the_compose_stack.ProbedPaths())
            .Concat(the_kubernetes_manifests.ProbedPaths())
            .Distinct().Order());

    /// <summary>The JasperFx commands of compose's one-shot services and of the Kubernetes migration Job.</summary>
    public static TheoryData<string> Commands() =>
        new(the_compose_stack.AppContainers().Values.SelectMany(s => s.List("command").Cast<string>().Take(1))
            .Concat(the_kubernetes_manifests.Commands())
            .Distinct().Order());

    [Theory]
    [MemberData(nameof(ProbedPaths))]
    public async Task every_path_a_health_check_or_probe_requests_is_a_route_the_app_maps(string path)
    {
        path.ShouldStartWith("/health/");
        var result = await fixture.Host.Scenario(x =>
        {
            x.Get.Url(path);
            x.IgnoreStatusCode();  // a 503 from /health/ready is an answer; only "no such route" is wrong here
        });
        result.Context.Response.StatusCode.ShouldNotBe(404, $"GET {path}");
        result.Context.Response.StatusCode.ShouldBeOneOf([200, 503], $"GET {path}");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task every_command_a_one_shot_container_runs_is_listed_by_the_apps_help(string command)
    {
        var help = await RunBuiltAppAsync("help");
        Regex.IsMatch(help, $@"^\s+{Regex.Escape(command)}\s", RegexOptions.Multiline).ShouldBeTrue($"'{command}' is not in:\n{help}");
    }

    private static async Task<string> RunBuiltAppAsync(string arguments)
    {
        var dll = AppProcess.BuiltApp();
        var start = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        // a connection string, so the app does not start its embedded PostgreSQL just to list its commands
        start.Environment["ConnectionStrings__Marten"] = "Host=127.0.0.1;Port=1;Username=nobody;Database=none";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, await error);
        return await output;
    }
}
