namespace CampaignManager.Tests.Signatures;

/// <summary>A host and database of their own, so signature tests run in parallel with the letter tests.</summary>
[CollectionDefinition(Name)]
public class SignaturesCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "signatures";
}
