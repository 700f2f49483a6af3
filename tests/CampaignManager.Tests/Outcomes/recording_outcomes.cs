using CampaignManager.Outcomes;
using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Outcomes;

[Collection(CampaignsCollection.Name)]
public class recording_outcomes(AppFixture fixture) : IntegrationContext(fixture)
{
    // 2019: the meeting on DPRK human rights had 8 of 15 Council members, one short of the 9 needed
    private static object Blocked(int supporters = 8, string status = "notAchieved") => new
    {
        kind = "meetingBlocked", date = "2019-12-10", body = "UN Security Council",
        support = new { supporters, members = 15, needed = 9 },
        evidence = new[] { "https://www.hrw.org/news/2019/12/09/un-security-council-drops-north-korea-meeting" },
        status, reason = "The United States withheld the ninth vote"
    };

    [Fact]
    public async Task a_blocked_meeting_is_recorded_and_sets_the_campaign_status()
    {
        var campaign = await Host.LaunchAsync("UNSC meeting on DPRK human rights");
        var result = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", Blocked(), 201);
        var outcomeId = result.ReadAsJson<LetterApi.Created>()!.Id;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/campaigns/{campaign}/outcomes/{outcomeId}");

        var details = await Host.CampaignAsync(campaign);
        details.Status.ShouldBe(CampaignStatus.NotAchieved);
        details.StatusReason.ShouldBe("The United States withheld the ninth vote");
        details.Outcomes.Single().Facts.Support.ShouldBe(new ProceduralSupport(8, 15, 9));
    }

    [Fact]
    public async Task a_resolution_adopted_by_consensus_needs_no_tally_but_not_both()
    {
        var campaign = await Host.LaunchAsync();
        var adopted = new
        {
            kind = "resolutionAdopted", date = "2020-12-16", body = "UN General Assembly", consensus = true,
            status = "achieved", reason = "Adopted by consensus with the accountability language intact"
        };
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", adopted, 201);
        var both = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes",
            new { adopted.kind, adopted.date, adopted.body, consensus = true, tally = new { yes = 1, no = 0, abstain = 0 }, adopted.status, adopted.reason }, 400);
        both.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldContain("consensus");
    }

    [Fact]
    public async Task a_blocked_meeting_that_had_enough_supporters_or_a_bad_evidence_link_is_a_400()
    {
        var campaign = await Host.LaunchAsync();
        var result = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", new
        {
            kind = "meetingBlocked", date = "2019-12-10", body = "UN Security Council",
            support = new { supporters = 9, members = 15, needed = 9 }, evidence = new[] { "not a link" },
            status = "notAchieved", reason = "x"
        }, 400);
        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["support", "evidence[0]"], ignoreOrder: true);
    }

    [Fact]
    public async Task a_correction_shows_the_corrected_values_and_keeps_the_original_in_the_history()
    {
        var campaign = await Host.LaunchAsync("UNSC meeting on DPRK human rights");
        var outcomeId = (await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", Blocked(supporters: 7), 201))
            .ReadAsJson<LetterApi.Created>()!.Id;
        var recordedAt = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromHours(2));

        var correction = new
        {
            kind = "meetingBlocked", date = "2019-12-10", body = "UN Security Council",
            support = new { supporters = 8, members = 15, needed = 9 }, status = "notAchieved",
            reason = "The United States withheld the ninth vote", note = "Eight members supported, not seven"
        };
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcomeId}/corrections", correction, 200);

        var outcome = (await Host.CampaignAsync(campaign)).Outcomes.Single();
        outcome.Facts.Support!.Supporters.ShouldBe(8);
        outcome.History.Select(h => h.Facts.Support!.Supporters).ShouldBe([7, 8]);
        outcome.History[1].Note.ShouldBe("Eight members supported, not seven");
        (await Host.CampaignAsync(campaign)).Timeline.Select(e => e.Event).ShouldContain("OutcomeCorrected");

        // the correction says what the decision was: "as of" any moment after its day it reads corrected
        var then = await Host.CampaignAsync(campaign, $"?asOf={Uri.EscapeDataString(recordedAt.ToString("O"))}");
        then.Outcomes.Single().Facts.Support!.Supporters.ShouldBe(8);
    }

    [Fact]
    public async Task correcting_an_unknown_outcome_is_a_404_and_an_unchanged_correction_a_400()
    {
        var campaign = await Host.LaunchAsync();
        var outcomeId = (await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", Blocked(), 201)).ReadAsJson<LetterApi.Created>()!.Id;
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{Guid.NewGuid()}/corrections",
            new { kind = "meetingHeld", date = "2019-12-10", body = "UN Security Council", status = "achieved", reason = "r", note = "n" }, 404);
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcomeId}/corrections", new
        {
            kind = "meetingBlocked", date = "2019-12-10", body = "UN Security Council", support = new { supporters = 8, members = 15, needed = 9 },
            evidence = new[] { "https://www.hrw.org/news/2019/12/09/un-security-council-drops-north-korea-meeting" },
            status = "notAchieved", reason = "The United States withheld the ninth vote", note = "same again"
        }, 400);
    }
}
