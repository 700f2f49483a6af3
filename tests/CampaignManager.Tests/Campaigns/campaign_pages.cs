using CampaignManager.Tests.Appeals;
namespace CampaignManager.Tests.Campaigns;

[Collection(CampaignsUiCollection.Name)]
public class campaign_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_dashboard_lists_each_campaign_with_its_letters_appeal_progress_and_whip_count()
    {
        var campaign = await Host.LaunchAsync("Keep accountability in the DPRK resolution");
        var letter = await Host.FinalLetterAsync();
        await Host.AttachAsync(campaign, letter);
        var france = await Host.TargetAsync("France");
        var ghana = await Host.TargetAsync("Ghana");
        await Host.PositionAsync(campaign, france, "supports", "2020-11-01");
        await Host.PositionAsync(campaign, ghana, "opposes", "2020-11-02");
        var appeal = (await Host.PostAsync($"/api/letters/{letter}/appeals",
            new { targetIds = new[] { france, ghana }, channel = "manual" }, 201)).ReadAsJson<LetterApi.Created>()!.Id;
        await Host.RecipientAsync(appeal, france, "delivered", new { method = "by hand" }, 204);

        var html = await Host.PageAsync("/");

        html.ShouldContain($"<a href=\"/campaigns/{campaign}\">Keep accountability in the DPRK resolution</a>");
        html.ShouldContain($"href=\"/letters/{letter}\"");
        html.ShouldContain("data-sent=\"1\" data-total=\"2\"");
        html.ShouldContain("1/2 sent");
        html.ShouldContain("data-position=\"supports\" data-count=\"1\"");
        html.ShouldContain("data-position=\"opposes\" data-count=\"1\"");
        html.ShouldContain("href=\"/campaigns/new\">New campaign</a>");
    }

    [Fact]
    public async Task the_new_campaign_page_offers_the_launch_form()
    {
        var html = await Host.PageAsync("/campaigns/new");

        html.ShouldContain("data-post=\"/api/campaigns\"");
        foreach (var label in new[] { ">Name</label>", ">Goal</label>", ">Venue</label>", ">Decision date</label>", ">Launch campaign</button>" })
            html.ShouldContain(label);
    }

    [Fact]
    public async Task the_campaign_page_charts_the_latest_position_per_target_and_the_as_of_view_shows_the_earlier_count()
    {
        var campaign = await Host.LaunchAsync();
        var france = await Host.TargetAsync("France");
        var ghana = await Host.TargetAsync("Ghana");
        // dated the days they were stated: "as of" places positions by their day
        string Today() => Fixture.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd");
        await Host.PositionAsync(campaign, france, "undecided", Today());
        var before = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromDays(4));
        await Host.PositionAsync(campaign, france, "supports", Today());
        await Host.PositionAsync(campaign, ghana, "supports", Today());

        var now = await Host.PageAsync($"/campaigns/{campaign}");
        var then = await Host.PageAsync($"/campaigns/{campaign}?asOf={Uri.EscapeDataString(before.ToString("O"))}");

        now.ShouldContain("data-position=\"supports\" data-count=\"2\"");
        now.ShouldContain("data-position=\"undecided\" data-count=\"0\"");
        then.ShouldContain("data-position=\"supports\" data-count=\"0\"");
        then.ShouldContain("data-position=\"undecided\" data-count=\"1\"");
        then.ShouldContain("As of ");
        now.ShouldContain(">Record position</button>");
        then.ShouldNotContain(">Record position</button>");
    }

    [Fact]
    public async Task the_campaign_page_shows_an_outcome_with_its_correction_history_and_the_timeline()
    {
        var campaign = await Host.LaunchAsync();
        var outcome = (await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", new
        {
            kind = "resolutionAdopted", date = "2020-12-16", body = "UN General Assembly", tally = new { yes = 94, no = 20, abstain = 60 },
            status = "achieved", reason = "The accountability paragraphs stayed"
        }, 201)).ReadAsJson<LetterApi.Created>()!.Id;
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/corrections", new
        {
            kind = "resolutionAdopted", date = "2020-12-16", body = "UN General Assembly", consensus = true,
            status = "achieved", reason = "The accountability paragraphs stayed", note = "It was adopted without a vote"
        }, 200);

        var html = await Host.PageAsync($"/campaigns/{campaign}");

        html.ShouldContain("Adopted by consensus.");
        html.ShouldContain("Corrections (1)");
        html.ShouldContain("Corrected: It was adopted without a vote");
        html.ShouldContain("class=\"timeline\"");
        html.ShouldContain(">Record outcome</button>");
    }

    [Fact]
    public async Task a_campaign_name_with_markup_is_encoded_on_the_dashboard_and_the_campaign_page()
    {
        var campaign = await Host.LaunchAsync("<script>alert(1)</script>");

        (await Host.PageAsync("/")).ShouldNotContain("<script>alert(1)</script>");
        var page = await Host.PageAsync($"/campaigns/{campaign}");
        page.ShouldNotContain("<script>alert(1)</script>");
        page.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    [Fact]
    public async Task the_as_of_view_before_the_launch_says_the_campaign_was_not_launched_yet()
    {
        var before = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        var campaign = await Host.LaunchAsync();

        var html = await Host.PageAsync($"/campaigns/{campaign}?asOf={Uri.EscapeDataString(before.ToString("O"))}");

        html.ShouldContain("this campaign had not been launched");
    }

    [Fact]
    public async Task an_unknown_campaign_page_answers_404()
    {
        await Host.Scenario(x =>
        {
            x.Get.Url($"/campaigns/{Guid.NewGuid()}");
            x.StatusCodeShouldBe(404);
        });
    }
}
