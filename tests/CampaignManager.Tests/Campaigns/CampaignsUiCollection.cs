namespace CampaignManager.Tests.Campaigns;

/// <summary>A host and database of their own for the staff pages' tests (campaigns, appeals, targets, coalitions).</summary>
[CollectionDefinition(Name)]
public class CampaignsUiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "campaigns-ui";
}

/// <summary>Reading a staff page as a browser would: the HTML text.</summary>
public static class Pages
{
    public static async Task<string> PageAsync(this Alba.IAlbaHost host, string url)
    {
        var result = await host.Scenario(x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(200);
        });
        return result.ReadAsText();
    }
}
