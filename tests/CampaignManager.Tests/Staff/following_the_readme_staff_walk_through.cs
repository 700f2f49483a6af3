using System.Diagnostics;
using CampaignManager.Staff;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Deploy;

namespace CampaignManager.Tests.Staff;

/// <summary>
/// README's "Managing staff" commands, run as written with bash, curl and jq against the built app: a placeholder
/// left in a URL (the token id once was a literal <c>{tokenId}</c>) is a 404 for whoever copies it, so every call
/// must succeed. curl is made to fail on any 4xx or 5xx; the block itself stays as a reader sees it.
/// </summary>
public class following_the_readme_staff_walk_through : IAsyncLifetime
{
    private AppProcess _app = null!;

    public async Task InitializeAsync()
    {
        var database = await TestDatabase.CreateDatabaseAsync("cm");
        _app = AppProcess.Start([new("ConnectionStrings:Marten", database), new("Wolverine:Solo", "true")]);
        await _app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>The first bash block after <paramref name="marker"/> in README.md.</summary>
    private static string BashBlockAfter(string marker)
    {
        var readme = File.ReadAllText(DeployFiles.PathOf("README.md"));
        var from = readme.IndexOf(marker, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"README has no \"{marker}\"");
        var block = Regex.Match(readme[from..], "```bash\n(.*?)```", RegexOptions.Singleline);
        block.Success.ShouldBeTrue();
        return block.Groups[1].Value;
    }

    [Fact]
    public async Task every_command_succeeds_and_the_issued_token_ends_up_revoked()
    {
        var block = BashBlockAfter("**Managing staff**");
        block.ShouldNotContain("{tokenId}");
        var script = $$"""
            set -euo pipefail
            curl() { command curl --fail-with-body "$@"; }
            API={{_app.BaseAddress.ToString().TrimEnd('/')}}/api
            AUTH=(-H "Authorization: Bearer $BOOTSTRAP")
            {{block}}
            """;
        var (exit, output) = await BashAsync(script, ("BOOTSTRAP", AppProcess.BootstrapToken));

        exit.ShouldBe(0, output);
        using var http = _app.Client();
        var maria = (await http.GetFromJsonAsync<List<StaffAccountView>>("/api/staff/accounts", AppProcess.Json))!.Single(a => a.Login == "maria");
        (maria.Role, maria.Disabled).ShouldBe((StaffRole.Viewer, true));
        var token = maria.Tokens.Single();
        token.Name.ShouldBe("CRM sync");
        token.RevokedAt.ShouldNotBeNull();
    }

    private static async Task<(int Exit, string Output)> BashAsync(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        var stderr = bash.StandardError.ReadToEndAsync();
        await bash.StandardInput.WriteAsync(script);
        bash.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await bash.WaitForExitAsync(timeout.Token);
        return (bash.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
