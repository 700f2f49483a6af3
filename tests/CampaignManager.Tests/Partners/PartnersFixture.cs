using Microsoft.AspNetCore.Hosting;

namespace CampaignManager.Tests.Partners;

/// <summary>A host and database of their own for the webhook tests, so a receiver's outage holds up no other test.</summary>
[CollectionDefinition(Name)]
public class PartnersCollection : ICollectionFixture<PartnersFixture>
{
    public const string Name = "partners";
}

public class PartnersFixture : AppFixture, IAsyncLifetime
{
    /// <summary>Seconds instead of minutes, about 40 s in all: an outage of some seconds is ridden out within a test.</summary>
    public static readonly TimeSpan[] RetryDelays = [.. new[] { 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))];

    async Task IAsyncLifetime.InitializeAsync()
    {
        // Receivers check webhook-timestamp against their own clock (five minutes either way, as the spec asks), so
        // the fake clock the events are stamped with starts at the real now; tests do not move it.
        Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await InitializeAsync();
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        // the receivers listen on 127.0.0.1, which production refuses (server-side request forgery)
        builder.UseSetting("Webhooks:AllowPrivateAddresses", "true");
        builder.UseSetting("Webhooks:Timeout", "00:00:05");
        for (var i = 0; i < RetryDelays.Length; i++) builder.UseSetting($"Webhooks:RetryDelays:{i}", RetryDelays[i].ToString());
        // scheduled retries are picked up within a second rather than five
        builder.UseSetting("Wolverine:Durability:ScheduledJobPollingTime", "00:00:01");
    }
}
