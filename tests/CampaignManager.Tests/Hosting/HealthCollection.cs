using Microsoft.AspNetCore.Hosting;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// Own host: the lag test pauses this host's projection daemon, which must not stall other collections. The lag
/// thresholds are tiny so a handful of real events crosses them.
/// </summary>
[CollectionDefinition(Name)]
public class HealthCollection : ICollectionFixture<HealthFixture>
{
    public const string Name = "health";
}

public class HealthFixture : AppFixture
{
    public const int DegradedAfter = 1;
    public const int UnhealthyAfter = 4;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Health:ProjectionLag:DegradedAfter", DegradedAfter.ToString());
        builder.UseSetting("Health:ProjectionLag:UnhealthyAfter", UnhealthyAfter.ToString());
    }
}

/// <summary>The JSON /health/* answers, as an operator reads it.</summary>
public record HealthAnswer(string Status, HealthAnswer.Check[] Checks)
{
    public record Check(string Name, string Status, string? Description, Dictionary<string, System.Text.Json.JsonElement> Data);

    public Check this[string name] => Checks.Single(c => c.Name == name);
}
