using CampaignManager.Tests.Campaigns;

namespace CampaignManager.Tests.Appeals;

[Collection(CampaignsUiCollection.Name)]
public class appeal_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_new_appeal_page_offers_targets_and_lists_by_name_with_the_channel_choice()
    {
        var letter = await Host.FinalLetterAsync();
        var (france, _) = await Host.TargetAsync("France");
        await Host.PostAsync("/api/target-lists", new { name = "Council members", targetIds = new[] { france } }, 201);

        var html = await Host.PageAsync($"/letters/{letter}/appeals/new");

        html.ShouldContain($"value=\"{france}\" /> France");
        html.ShouldContain("Council members (1)");
        html.ShouldContain(">Email</label>");
        html.ShouldContain(">Manual</label>");
        html.ShouldContain(">Cover message</label>");
        html.ShouldContain(">Response due by</label>");
        html.ShouldContain(">Send appeal</button>");
        html.ShouldContain($"data-post=\"/api/letters/{letter}/appeals\"");
    }

    [Fact]
    public async Task the_appeal_page_lists_each_recipient_with_its_status_progress_and_the_actions_that_apply()
    {
        var letter = await Host.FinalLetterAsync();
        var (france, _) = await Host.TargetAsync("France");
        var (ghana, _) = await Host.TargetAsync("Ghana");
        var appeal = (await Host.PostAsync($"/api/letters/{letter}/appeals",
            new { targetIds = new[] { france, ghana }, channel = "manual" }, 201)).ReadAsJson<LetterApi.Created>()!.Id;
        await Host.RecipientAsync(appeal, france, "delivered", new { method = "by hand" }, 204);

        var html = await Host.PageAsync($"/appeals/{appeal}");

        html.ShouldContain($"<tr data-target-id=\"{france}\" data-status=\"sent\">");
        html.ShouldContain($"<tr data-target-id=\"{ghana}\" data-status=\"queued\">");
        html.ShouldContain("<strong data-count=\"sent\">1</strong>");
        html.ShouldContain("<strong data-count=\"queued\">1</strong>");
        html.ShouldContain("1 of 2 delivered");
        html.ShouldContain("<rect data-progress width=\"50\""); // an SVG attribute: the CSP allows no style attributes
        html.ShouldContain($"data-post=\"/api/appeals/{appeal}/recipients/{france}/acknowledge\"");
        html.ShouldContain($"data-post=\"/api/appeals/{appeal}/recipients/{ghana}/delivered\"");
        html.ShouldContain($"data-appeal-live=\"/api/appeals/{appeal}\"");
        html.ShouldContain("<noscript><meta http-equiv=\"refresh\"");
    }
}
