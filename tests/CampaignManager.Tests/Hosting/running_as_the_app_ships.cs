using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The test host runs the app in-process, so it runs with the test process's runtime settings, not the app's: the app
/// once shipped with invariant globalization while the tests had ICU, and accented names sorted after Z only in the
/// shipped app (issue #18). These hold the test host to the app's own globalization mode, culture and environment.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class running_as_the_app_ships(AppFixture fixture) : IntegrationContext(fixture)
{
    private static JsonObject ConfigProperties(string runtimeConfig) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, runtimeConfig)))!["runtimeOptions"]!["configProperties"]!.AsObject();

    [Fact]
    public void the_test_host_has_the_globalization_settings_the_app_ships_with()
    {
        var app = ConfigProperties("CampaignManager.runtimeconfig.json");
        var tests = ConfigProperties("CampaignManager.Tests.runtimeconfig.json");
        var globalization = app.Where(p => p.Key.StartsWith("System.Globalization.", StringComparison.Ordinal)).ToList();
        globalization.ShouldNotBeEmpty("the app's runtimeconfig states its globalization mode");
        foreach (var (key, value) in globalization)
        {
            tests[key]?.ToJsonString().ShouldBe(value!.ToJsonString(), $"{key} differs between the app and its tests");
            AppContext.GetData(key)?.ToString()?.ToLowerInvariant().ShouldBe(value!.ToJsonString().Trim('"').ToLowerInvariant(),
                $"{key} as the test process runs it");
        }
        app["System.Globalization.Invariant"]!.GetValue<bool>().ShouldBeFalse("names are collated by ICU");
    }

    [Fact]
    public void the_test_process_collates_and_decomposes_as_the_app_does()
    {
        Should.NotThrow(Collation.RequireIcu);
        "Ärzte".Normalize(NormalizationForm.FormD).Length.ShouldBe(6);
        new[] { "Zimbabwe Lawyers for Human Rights", "Ärzte ohne Grenzen", "Amnesty International" }.Order(Collation.Names)
            .ShouldBe(["Amnesty International", "Ärzte ohne Grenzen", "Zimbabwe Lawyers for Human Rights"]);
    }

    [Fact]
    public void the_test_host_runs_in_the_environment_and_culture_the_app_ships_with()
    {
        Host.Services.GetRequiredService<IHostEnvironment>().EnvironmentName.ShouldBe(Environments.Production);
        CultureInfo.DefaultThreadCurrentCulture.ShouldBe(CultureInfo.InvariantCulture, "the app fixes its culture, whatever LANG says");
        1234.5.ToString().ShouldBe("1234.5");
    }
}
