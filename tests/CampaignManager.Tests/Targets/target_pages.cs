using CampaignManager.Tests.Appeals;
using CampaignsUiCollection = CampaignManager.Tests.Campaigns.CampaignsUiCollection;
using static CampaignManager.Tests.Campaigns.Pages;
using static CampaignManager.Tests.Campaigns.CampaignApi;

namespace CampaignManager.Tests.Targets;

[Collection(CampaignsUiCollection.Name)]
public class target_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_targets_page_filters_by_country_and_shows_lists_with_members_and_an_import_form()
    {
        var france = await Host.RegisterTarget(new { name = "Permanent Mission of France", country = "France", tags = new[] { "council" } });
        await Host.RegisterTarget(new { name = "Permanent Mission of Ghana", country = "Ghana" });
        var list = (await Host.PostAsync("/api/target-lists", new { name = "Council members", targetIds = new[] { france } }, 201))
            .ReadAsJson<LetterApi.Created>()!.Id;

        var all = await Host.PageAsync("/targets");
        var filtered = await Host.PageAsync("/targets?country=France");

        all.ShouldContain("Permanent Mission of Ghana");
        filtered.ShouldNotContain(">Permanent Mission of Ghana</a>");
        filtered.ShouldContain($"<a href=\"/targets/{france}\">Permanent Mission of France</a>");
        all.ShouldContain("Council members <span class=\"muted small\">(1 members)</span>");
        all.ShouldContain($"data-post=\"/api/target-lists/{list}/import\" data-then=\"report\"");
        all.ShouldContain(">New target</button>");
    }

    [Fact]
    public async Task the_target_page_shows_its_record_across_appeals()
    {
        var letter = await Host.FinalLetterAsync();
        var france = await Host.RegisterTarget(new { name = "France" });
        var appeal = (await Host.PostAsync($"/api/letters/{letter}/appeals", new { targetIds = new[] { france }, channel = "manual" }, 201))
            .ReadAsJson<LetterApi.Created>()!.Id;

        var html = await Host.PageAsync($"/targets/{france}");

        html.ShouldContain("Record across appeals");
        html.ShouldContain($"<a href=\"/appeals/{appeal}\">");
        html.ShouldContain(">queued</span>");
    }
}
