using System.Diagnostics;
using CampaignManager.Staff;
using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Deploy;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// README's commands, run as written with bash, curl and jq against the built app: a placeholder left in a URL (the
/// token id once was a literal <c>{tokenId}</c>) is a 404 for whoever copies it, so every call must succeed. curl is
/// made to fail on any 4xx or 5xx; each block stays as a reader sees it, after the variables earlier sections set.
/// </summary>
public class following_the_readme_walk_throughs : IAsyncLifetime
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

    /// <summary>The <paramref name="nth"/> bash block after <paramref name="marker"/> in README.md.</summary>
    private static string BashBlockAfter(string marker, int nth = 1)
    {
        var readme = File.ReadAllText(DeployFiles.PathOf("README.md"));
        var from = readme.IndexOf(marker, StringComparison.Ordinal);
        from.ShouldBeGreaterThanOrEqualTo(0, $"README has no \"{marker}\"");
        var blocks = Regex.Matches(readme[from..], "```bash\n(.*?)```", RegexOptions.Singleline);
        blocks.Count.ShouldBeGreaterThanOrEqualTo(nth);
        return blocks[nth - 1].Groups[1].Value;
    }

    [Fact]
    public async Task the_letter_walk_through_answers_no_error_but_the_409s_it_announces()
    {
        // its own API and token lines, pointed at this app; each answer's status goes to stderr, the output stays as shown
        var block = BashBlockAfter("## Walk-through: a letter from draft to final (curl)", nth: 2)
            .Replace("http://localhost:5000", _app.BaseAddress.ToString().TrimEnd('/'));
        var announced = Regex.Matches(block, @"^curl .*#\s*409\s*$", RegexOptions.Multiline).Count;
        var script = "set -euo pipefail\ncurl() { command curl -w '%{stderr}HTTP %{http_code}\\n' \"$@\"; }\n" + block;

        var (exit, output) = await BashAsync(script, [("Auth__BootstrapToken", AppProcess.BootstrapToken)]);

        exit.ShouldBe(0, output);
        var statuses = Regex.Matches(output, @"^HTTP (\d{3})$", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        statuses.Count.ShouldBeGreaterThan(15, output);
        statuses.Where(s => s >= 400).ShouldBe(Enumerable.Repeat(409, announced), output);
        // the public page after the revision says who signed version 1
        output.ShouldContain("Signed so far (3, 2 of them an earlier version)");
    }

    [Fact]
    public async Task the_two_language_walk_through_answers_no_error_but_the_400_it_announces_and_shows_what_it_says()
    {
        var block = BashBlockAfter("## Walk-through: a letter in two languages (curl)")
            .Replace("http://localhost:5000", _app.BaseAddress.ToString().TrimEnd('/'));
        var announced = Regex.Matches(block, @"^curl .*#\s*400\s*$", RegexOptions.Multiline).Count;
        var folder = Directory.CreateTempSubdirectory("cm readme ").FullName;
        var script = $"set -euo pipefail\ncd '{folder}'\ncurl() {{ command curl -w '%{{stderr}}HTTP %{{http_code}}\\n' \"$@\"; }}\n" +
                     $"API={_app.BaseAddress.ToString().TrimEnd('/')}/api\nAUTH=(-H \"Authorization: Bearer $BOOTSTRAP\")\n" +
                     "JSON=(-H 'Content-Type: application/json')\n" + block;

        var (exit, output) = await BashAsync(script, [("BOOTSTRAP", AppProcess.BootstrapToken)]);

        exit.ShouldBe(0, output);
        var statuses = Regex.Matches(output, @"^HTTP (\d{3})$", RegexOptions.Multiline).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        statuses.Where(s => s >= 400).ShouldBe(Enumerable.Repeat(400, announced), output);
        output.ShouldContain("{\"signers\":1,\"languages\":[\"source\"]}");
        output.ShouldContain("Signed the current text so far (1)");
        output.ShouldContain("<html lang=\"fr\" dir=\"ltr\">");
        output.ShouldContain("Stale translation: this French text (version 2) was made from version 2 of the source");
        output.ShouldContain("{\"language\":[\"is not one of the letter's languages: en, fr\"]}");
        output.ShouldContain("FIDH,2,fr");
        new FileInfo(Path.Combine(folder, "L3-fr.docx")).Length.ShouldBeGreaterThan(0);
        Directory.Delete(folder, recursive: true);
    }

    private Task<(int Exit, string Output)> RunAsync(string block, params (string Name, string Value)[] variables) =>
        BashAsync($$"""
            set -euo pipefail
            curl() { command curl --fail-with-body "$@"; }
            API={{_app.BaseAddress.ToString().TrimEnd('/')}}/api
            AUTH=(-H "Authorization: Bearer $BOOTSTRAP")
            {{block}}
            """, [("BOOTSTRAP", AppProcess.BootstrapToken), .. variables]);

    [Fact]
    public async Task the_staff_commands_succeed_and_the_issued_token_ends_up_revoked()
    {
        var block = BashBlockAfter("**Managing staff**");
        block.ShouldNotContain("{tokenId}");
        var (exit, output) = await RunAsync(block);

        exit.ShouldBe(0, output);
        using var http = _app.Client();
        var maria = (await http.GetFromJsonAsync<List<StaffAccountView>>("/api/staff/accounts", AppProcess.Json))!.Single(a => a.Login == "maria");
        (maria.Role, maria.Disabled).ShouldBe((StaffRole.Viewer, true));
        var token = maria.Tokens.Single();
        token.Name.ShouldBe("CRM sync");
        token.RevokedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task the_target_import_takes_the_file_from_a_form_and_reports_the_row_and_line_readme_shows()
    {
        using var http = _app.Client();
        var created = await http.PostAsJsonAsync("/api/target-lists", new { name = "README import" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var folder = Directory.CreateTempSubdirectory("cm readme ").FullName;

        var (exit, output) = await RunAsync($"cd '{folder}'\n" + BashBlockAfter("**Importing targets from CSV.**"), ("LIST", list));

        exit.ShouldBe(0, output);
        output.ShouldContain("\"imported\": 1");
        output.ShouldContain("\"row\": 3");
        output.ShouldContain("\"line\": 3");
        // the contact export of another tool: imported as it is, its phone column ignored and named
        Regex.Replace(output, @"\s+", "").ShouldContain("\"imported\":1,\"ignoredColumns\":[\"Phone\"]");
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int Exit, string Output)> BashAsync(string script, (string Name, string Value)[] environment)
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
