namespace CampaignManager.Tests.Campaigns;

/// <summary>A host and database of their own, so campaign tests run in parallel with the other capabilities.</summary>
[CollectionDefinition(Name)]
public class CampaignsCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "campaigns";
}
