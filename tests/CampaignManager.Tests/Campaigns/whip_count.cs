using CampaignManager.Campaigns;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Campaigns;

[Collection(CampaignsCollection.Name)]
public class whip_count(AppFixture fixture) : IntegrationContext(fixture)
{
    private int Count(CampaignDetails c, TargetPosition p) => c.WhipCount.Counts.Single(x => x.Position == p).Count;

    [Fact]
    public async Task the_whip_count_shows_the_latest_position_per_target_and_how_it_changed()
    {
        var campaign = await Host.LaunchAsync();
        var france = await Host.TargetAsync("Mission of France");
        var japan = await Host.TargetAsync("Mission of Japan");

        await Host.PositionAsync(campaign, france, "undecided", "2020-10-01");
        await Host.PositionAsync(campaign, japan, "coSponsor", "2020-10-02");
        await Host.PositionAsync(campaign, france, "supports", "2020-10-20");

        var details = await Host.CampaignAsync(campaign);
        Count(details, TargetPosition.Supports).ShouldBe(1);
        Count(details, TargetPosition.CoSponsor).ShouldBe(1);
        Count(details, TargetPosition.Undecided).ShouldBe(0);
        var standing = details.WhipCount.Targets.Single(t => t.TargetId == france);
        standing.Name.ShouldBe("Mission of France");
        standing.Position.ShouldBe(TargetPosition.Supports);
        standing.History.Select(h => h.Position).ShouldBe([TargetPosition.Undecided, TargetPosition.Supports]);
    }

    [Fact]
    public async Task the_whip_count_can_be_read_as_of_a_past_moment()
    {
        var campaign = await Host.LaunchAsync();
        var france = await Host.TargetAsync("Mission of France");
        // each position dated the day it was stated: "as of" places them by that day
        await Host.PositionAsync(campaign, france, "undecided", Fixture.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd"));
        var before = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        await Host.PositionAsync(campaign, france, "votedYes", Fixture.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd"));

        var then = await Host.CampaignAsync(campaign, $"?asOf={Uri.EscapeDataString(before.ToString("O"))}");
        then.WhipCount.Targets.Single().Position.ShouldBe(TargetPosition.Undecided);
        then.AsOf.ShouldBe(before);
        (await Host.CampaignAsync(campaign)).WhipCount.Targets.Single().Position.ShouldBe(TargetPosition.VotedYes);

        await Host.Scenario(x =>
        {
            x.Get.Url($"/api/campaigns/{campaign}?asOf={Uri.EscapeDataString(before.AddYears(-1).ToString("O"))}");
            x.StatusCodeShouldBe(404); // the campaign did not exist yet
        });
    }

    [Fact]
    public async Task a_position_for_an_unknown_target_or_without_position_and_date_is_a_400()
    {
        var campaign = await Host.LaunchAsync();
        var result = await Host.PostAsync($"/api/campaigns/{campaign}/positions", new { targetId = Guid.NewGuid() }, 400);
        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["targetId", "position", "date"], ignoreOrder: true);
        await Host.PositionAsync(Guid.NewGuid(), await Host.TargetAsync("Mission of Peru"), "supports", "2020-10-01", expected: 404);
    }
}
