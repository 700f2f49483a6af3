using CampaignManager.Campaigns;
using CampaignManager.Outcomes;
using CampaignManager.Tests.Targets;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Campaigns;

[Collection(CampaignsCollection.Name)]
public class running_a_campaign(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_launched_campaign_is_listed_and_readable_at_its_location()
    {
        var result = await Host.PostAsync("/api/campaigns",
            new { name = "UNSC meeting on DPRK human rights", goal = "The Council holds its annual meeting", venue = "UN Security Council", decisionDate = "2019-12-10" }, 201);
        var id = result.ReadAsJson<Created>()!.Id;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/campaigns/{id}");

        var campaign = await Host.CampaignAsync(id);
        campaign.Venue.ShouldBe("UN Security Council");
        campaign.DecisionDate.ShouldBe(new DateOnly(2019, 12, 10));
        campaign.Status.ShouldBe(CampaignStatus.Pending);
        campaign.LaunchedBy.ShouldBe(TestStaffAuthentication.DefaultUser);
        (await Host.GetAsJson<List<CampaignSummary>>("/api/campaigns"))!.Select(c => c.Id).ShouldBe([id]);
    }

    [Fact]
    public async Task launching_without_a_name_goal_or_venue_is_a_400_with_field_errors()
    {
        var result = await Host.PostAsync("/api/campaigns", new { name = " " }, 400);
        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["name", "goal", "venue"], ignoreOrder: true);
    }

    [Fact]
    public async Task malformed_json_is_a_400_not_a_500()
    {
        await Host.Scenario(x =>
        {
            x.Post.ByteArray(Encoding.UTF8.GetBytes("{\"name\": \"unterminated")).ContentType("application/json").ToUrl("/api/campaigns");
            x.StatusCodeShouldBe(400);
        });
        var id = await Host.LaunchAsync();
        await Host.PostAsync($"/api/campaigns/{id}/positions", new { targetId = Guid.NewGuid(), position = "maybe", date = "2020-11-01" }, 400);
    }

    [Fact]
    public async Task an_unknown_campaign_is_a_404()
    {
        await Host.Scenario(x => { x.Get.Url($"/api/campaigns/{Guid.NewGuid()}"); x.StatusCodeShouldBe(404); });
        await Host.AttachAsync(Guid.NewGuid(), await Host.DraftAsync(), expected: 404);
    }

    [Fact]
    public async Task an_attached_letter_brings_its_drafting_and_signatures_into_the_campaign_timeline()
    {
        var campaign = await Host.LaunchAsync();
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("Human Rights Watch"));
        await Host.AttachAsync(campaign, letter);

        var details = await Host.CampaignAsync(campaign);
        details.Letters.Single().LetterId.ShouldBe(letter);
        details.Timeline.Select(e => e.Event).ShouldBe(
            ["CampaignLaunched", "LetterDrafted", "LetterOpenedForSignatures", "SignatureAdded", "LetterAttachedToCampaign"]);
    }

    [Fact]
    public async Task attaching_an_unknown_letter_is_a_400_and_attaching_twice_is_a_409()
    {
        var campaign = await Host.LaunchAsync();
        var letter = await Host.DraftAsync();
        await Host.AttachAsync(campaign, Guid.NewGuid(), expected: 400);
        await Host.AttachAsync(campaign, letter);
        await Host.AttachAsync(campaign, letter, expected: 409);
    }
}
