using Microsoft.AspNetCore.Hosting;

namespace CampaignManager.Tests.Hardening;

/// <summary>A host and database of their own, so the bad-input and race tests run in parallel with the others.</summary>
[CollectionDefinition(Name)]
public class HardeningCollection : ICollectionFixture<HardeningFixture>
{
    public const string Name = "hardening";
}

/// <summary>The app, plus a hold on sign-ons at commit that a race test can arm; idle otherwise.</summary>
public class HardeningFixture : AppFixture
{
    public SignOnHold Hold { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.ConfigureMarten(o => o.Listeners.Add(Hold)));
}
