namespace CampaignManager.Tests.Coalitions;

/// <summary>Own host: the rebuild test pauses this host's projection daemon, which must not stall other collections.</summary>
[CollectionDefinition(Name)]
public class CoalitionsCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "coalitions";
}
