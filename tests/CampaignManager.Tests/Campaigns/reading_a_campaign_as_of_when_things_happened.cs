using CampaignManager.Campaigns;
using CampaignManager.Outcomes;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Campaigns;

/// <summary>
/// "As of" places what happened on a day of its own (a position, an outcome, a campaign's start) by that day, so a
/// campaign typed in today reads as it stood in 2014. An unreadable moment is a 400, never the current state.
/// </summary>
[Collection(CampaignsCollection.Name)]
public class reading_a_campaign_as_of_when_things_happened(AppFixture fixture) : IntegrationContext(fixture)
{
    /// <summary>The December 2014 Council meeting on the DPRK, every fact of it entered today.</summary>
    private async Task<(Guid Campaign, Guid France, Guid China, Guid Chad)> RecordedAfterTheFactAsync()
    {
        var campaign = (await Host.PostAsync("/api/campaigns", new
        {
            name = "Put the DPRK on the Security Council's agenda", goal = "The Council takes up the situation in the DPRK",
            venue = "UN Security Council", decisionDate = "2014-12-22", beganOn = "2014-11-18"
        }, 201)).ReadAsJson<LetterApi.Created>()!.Id;
        var (france, china, chad) = (await Host.TargetAsync("Mission of France"), await Host.TargetAsync("Mission of China"),
            await Host.TargetAsync("Mission of Chad"));
        await Host.PositionAsync(campaign, france, "supports", "2014-12-05");
        await Host.PositionAsync(campaign, china, "opposes", "2014-12-19");
        await Host.PositionAsync(campaign, chad, "undecided", "2014-12-21");
        await Host.PositionAsync(campaign, chad, "abstained", "2014-12-22");
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", new
        {
            kind = "meetingHeld", date = "2014-12-22", body = "UN Security Council", status = "achieved",
            reason = "The Council put the situation in the DPRK on its agenda"
        }, 201);
        return (campaign, france, china, chad);
    }

    [Fact]
    public async Task a_campaign_recorded_today_reads_as_of_21_december_2014_as_it_stood_that_day()
    {
        var (campaign, france, china, chad) = await RecordedAfterTheFactAsync();

        var then = await Host.CampaignAsync(campaign, "?asOf=2014-12-21");

        then.AsOf.ShouldBe(new DateTimeOffset(2014, 12, 21, 0, 0, 0, TimeSpan.Zero));
        then.WhipCount.Targets.Select(t => (t.TargetId, t.Position)).ShouldBe(
            [(chad, TargetPosition.Undecided), (china, TargetPosition.Opposes), (france, TargetPosition.Supports)], ignoreOrder: true);
        then.Outcomes.ShouldBeEmpty();
        then.Status.ShouldBe(CampaignStatus.Pending);
        then.Timeline.Select(e => e.Event).ShouldNotContain("OutcomeRecorded");

        var after = await Host.CampaignAsync(campaign, "?asOf=2014-12-23");
        after.WhipCount.Targets.Single(t => t.TargetId == chad).Position.ShouldBe(TargetPosition.Abstained);
        after.Outcomes.ShouldHaveSingleItem().Facts.Kind.ShouldBe(OutcomeKind.MeetingHeld);
        after.Status.ShouldBe(CampaignStatus.Achieved);

        await Host.Scenario(x => { x.Get.Url($"/api/campaigns/{campaign}?asOf=2014-11-17"); x.StatusCodeShouldBe(404); });
        (await Host.PageAsync($"/campaigns/{campaign}?asOf=2014-12-21")).ShouldContain("the campaign as it stood then");
    }

    [Fact]
    public async Task a_corrected_outcome_reads_corrected_as_of_the_day_after_its_decision_outcome_and_votes_alike()
    {
        var (campaign, _, china, chad) = await RecordedAfterTheFactAsync();
        var outcome = (await Host.CampaignAsync(campaign)).Outcomes.Single().OutcomeId;
        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/corrections", new
        {
            kind = "meetingHeld", date = "2014-12-22", body = "UN Security Council", venue = "7353rd meeting", nature = "procedural",
            result = "adoptedByVote", tally = new { yes = 11, no = 2, abstain = 2 },
            votes = new Dictionary<Guid, string> { [china] = "no", [chad] = "abstain" }, status = "achieved",
            reason = "The Council put the situation in the DPRK on its agenda", note = "The vote, from the meeting record"
        }, 200);

        var after = await Host.CampaignAsync(campaign, "?asOf=2014-12-23");

        var facts = after.Outcomes.ShouldHaveSingleItem().Facts;
        (facts.Tally, facts.Votes?.GetValueOrDefault(china)).ShouldBe((new VoteTally(11, 2, 2), MemberVote.No));
        after.Outcomes.Single().History.Count.ShouldBe(2);
        after.WhipCount.Targets.Single(t => t.TargetId == china).Position.ShouldBe(TargetPosition.VotedNo);
        after.Timeline.Select(e => e.Event).ShouldContain("OutcomeCorrected");
        var before = await Host.CampaignAsync(campaign, "?asOf=2014-12-21");
        before.Outcomes.ShouldBeEmpty();
        before.WhipCount.Targets.Single(t => t.TargetId == china).Position.ShouldBe(TargetPosition.Opposes);
        before.Timeline.Select(e => e.Event).ShouldNotContain("OutcomeCorrected");
    }

    [Fact]
    public async Task a_correction_that_moves_the_decisions_day_moves_its_votes_with_it()
    {
        var (campaign, _, china, _) = await RecordedAfterTheFactAsync();
        var outcome = (await Host.CampaignAsync(campaign)).Outcomes.Single().OutcomeId;
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/corrections", new
        {
            kind = "meetingHeld", date = "2014-12-20", body = "UN Security Council", nature = "procedural", result = "adoptedByVote",
            tally = new { yes = 11, no = 2, abstain = 2 }, votes = new Dictionary<Guid, string> { [china] = "no" }, status = "achieved",
            reason = "The Council put the situation in the DPRK on its agenda", note = "The vote was two days earlier"
        }, 200);
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/corrections", new
        {
            kind = "meetingHeld", date = "2014-12-22", body = "UN Security Council", nature = "procedural", result = "adoptedByVote",
            tally = new { yes = 11, no = 2, abstain = 2 }, votes = new Dictionary<Guid, string> { [china] = "no" }, status = "achieved",
            reason = "The Council put the situation in the DPRK on its agenda", note = "No: the 22nd, as first recorded"
        }, 200);

        var between = await Host.CampaignAsync(campaign, "?asOf=2014-12-21");

        between.Outcomes.ShouldBeEmpty();
        between.WhipCount.Targets.Single(t => t.TargetId == china).Position.ShouldBe(TargetPosition.Opposes);
        (await Host.CampaignAsync(campaign, "?asOf=2014-12-22")).WhipCount.Targets.Single(t => t.TargetId == china)
            .Position.ShouldBe(TargetPosition.VotedNo);
    }

    [Fact]
    public async Task a_campaign_launched_without_a_start_day_begins_when_it_was_recorded()
    {
        var campaign = await Host.LaunchAsync();
        await Host.PositionAsync(campaign, await Host.TargetAsync("Mission of Japan"), "coSponsor", "2020-11-01");

        await Host.Scenario(x => { x.Get.Url($"/api/campaigns/{campaign}?asOf=2020-12-01"); x.StatusCodeShouldBe(404); });
        (await Host.CampaignAsync(campaign, "?asOf=" + Uri.EscapeDataString(Fixture.Clock.GetUtcNow().ToString("O"))))
            .WhipCount.Targets.ShouldHaveSingleItem();
    }

    [Theory]
    [InlineData("yesterday-ish")]
    [InlineData("2014-13-45")]
    [InlineData("0001-01-01")]
    public async Task an_unreadable_as_of_is_a_400_naming_the_field_on_the_api_and_the_page(string asOf)
    {
        var campaign = await Host.LaunchAsync();
        var letter = await Host.DraftAsync();
        foreach (var url in (string[])[$"/api/campaigns/{campaign}", $"/api/letters/{letter}"])
        {
            var result = await Host.Scenario(x => { x.Get.Url($"{url}?asOf={Uri.EscapeDataString(asOf)}"); x.StatusCodeShouldBe(400); });
            result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["asOf"]);
        }
        foreach (var page in (string[])[$"/campaigns/{campaign}", $"/letters/{letter}/history"])
        {
            var html = await Host.Scenario(x => { x.Get.Url($"{page}?asOf={Uri.EscapeDataString(asOf)}"); x.StatusCodeShouldBe(400); });
            html.ReadAsText().ShouldContain("role=\"alert\"");
        }
    }
}
