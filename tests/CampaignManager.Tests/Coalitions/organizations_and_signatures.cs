using Alba;
using CampaignManager.Coalitions;
using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Hosting;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Coalitions;

[Collection(CoalitionsCollection.Name)]
public class organizations_and_signatures(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Guid> RegisterAsync(string name, params string[] aliases) =>
        (await Host.PostAsync("/api/organizations", new { name, aliases }, 201)).ReadAsJson<Created>()!.Id;

    private async Task<OrganizationProfile> ProfileAsync(Guid id) => (await Host.GetAsJson<OrganizationProfile>($"/api/organizations/{id}"))!;

    [Fact]
    public async Task the_async_projection_runs_in_the_test_host_and_a_signature_appears_in_the_profile()
    {
        var hrnk = await RegisterAsync("Committee for Human Rights in North Korea", "HRNK");
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("HRNK"));

        await Host.CatchUpAsync();

        var profile = await ProfileAsync(hrnk);
        profile.Organization.Name.ShouldBe("Committee for Human Rights in North Korea");
        profile.SignedAsOrganization.Select(l => l.LetterId).ShouldBe([letter]);
    }
}
