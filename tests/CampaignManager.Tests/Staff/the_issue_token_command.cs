using CampaignManager.Tests.Appeals;
namespace CampaignManager.Tests.Staff;

[Collection(StaffCollection.Name)]
public class the_issue_token_command(StaffFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task prints_a_working_token_for_an_existing_account_and_refuses_an_unknown_one()
    {
        await Host.CreateAccountAsync("cli.admin", "admin");
        KeyValuePair<string, string>[] settings = [new("ConnectionStrings:Marten", Fixture.ConnectionString), new("Seeds:LoadOnStart", "false")];

        var (exitCode, output) = await AppProcess.RunCommandAsync(settings, TimeSpan.FromMinutes(2), "issue-token", "--login", "cli.admin");
        var (unknownExit, unknownOutput) = await AppProcess.RunCommandAsync(settings, TimeSpan.FromMinutes(2), "issue-token", "--login", "nobody");

        exitCode.ShouldBe(0, output);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Single(line => line.Length == 64 && line.All(Uri.IsHexDigit));
        await Scenario(x => x.WithBearer(token).Get.Url("/api/staff/accounts"));
        unknownExit.ShouldNotBe(0);
        unknownOutput.ShouldContain("no active staff account 'nobody'");
    }
}
