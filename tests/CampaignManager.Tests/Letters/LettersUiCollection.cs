namespace CampaignManager.Tests.Letters;

/// <summary>A host and database of their own for the staff pages and the endpoints only they need.</summary>
[CollectionDefinition(Name)]
public class LettersUiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "letters-ui";
}
