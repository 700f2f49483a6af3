using CampaignManager.Tests.Hosting;

namespace CampaignManager.Tests.Hardening;

/// <summary>A host and database of their own, so the bad-input and race tests run in parallel with the others.</summary>
[CollectionDefinition(Name)]
public class HardeningCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "hardening";
}
