using CampaignManager.Campaigns;
using CampaignManager.Outcomes;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Campaigns;

/// <summary>
/// An outcome recorded by mistake is retracted: it no longer speaks for the campaign and its member votes leave the
/// whip count, now and "as of" its day, while the history and the timeline keep it, recorded and retracted.
/// </summary>
[Collection(CampaignsCollection.Name)]
public class retracting_an_outcome(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid Campaign, Guid Outcome, Guid China, Guid Chad)> RecordedByMistakeAsync()
    {
        var campaign = await Host.LaunchAsync("DPRK on the Security Council agenda", "UN Security Council", beganOn: "2014-11-18");
        var (china, chad) = (await Host.TargetAsync("Mission of China"), await Host.TargetAsync("Mission of Chad"));
        await Host.PositionAsync(campaign, china, "opposes", "2014-12-19");
        var outcome = (await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", new
        {
            kind = "meetingHeld", date = "2014-12-22", body = "UN Security Council", nature = "procedural", result = "adoptedByVote",
            tally = new { yes = 11, no = 2, abstain = 2 }, votes = new Dictionary<Guid, string> { [china] = "no", [chad] = "abstain" },
            status = "achieved", reason = "The situation in the DPRK is on the Council's agenda"
        }, 201)).ReadAsJson<LetterApi.Created>()!.Id;
        return (campaign, outcome, china, chad);
    }

    [Fact]
    public async Task retracting_an_outcome_keeps_it_in_history_and_its_votes_leave_the_whip_count()
    {
        var (campaign, outcome, china, _) = await RecordedByMistakeAsync();
        (await Host.PageAsync($"/campaigns/{campaign}")).ShouldContain($"data-post=\"/api/campaigns/{campaign}/outcomes/{outcome}/retract\"");

        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/retract",
            new { reason = "This vote belongs to another campaign" }, 200);

        var details = await Host.CampaignAsync(campaign);
        details.Outcomes.ShouldBeEmpty();
        (details.Status, details.StatusReason).ShouldBe((CampaignStatus.Pending, null));
        var retracted = details.RetractedOutcomes.ShouldHaveSingleItem();
        (retracted.OutcomeId, retracted.Facts.Tally, retracted.Retraction!.Reason)
            .ShouldBe((outcome, new VoteTally(11, 2, 2), "This vote belongs to another campaign"));
        details.WhipCount.Targets.Select(t => (t.TargetId, t.Position)).ShouldBe([(china, TargetPosition.Opposes)]);
        details.Timeline.Select(e => e.Event).ShouldContain("OutcomeRecorded");
        details.Timeline.Single(e => e.Event == "OutcomeRetracted").Summary
            .ShouldBe("Outcome retracted: This vote belongs to another campaign; 2 member votes left the whip count");

        var then = await Host.CampaignAsync(campaign, "?asOf=2014-12-23");
        then.Outcomes.ShouldBeEmpty();
        then.RetractedOutcomes.ShouldHaveSingleItem();
        then.WhipCount.Targets.Select(t => (t.TargetId, t.Position)).ShouldBe([(china, TargetPosition.Opposes)]);

        var html = await Host.PageAsync($"/campaigns/{campaign}");
        html.ShouldContain("No outcome stands: the ones recorded were retracted.");
        html.ShouldContain("<option value=\"UN Security Council\">");
        html.ShouldContain("This vote belongs to another campaign");
        html.ShouldNotContain($"/outcomes/{outcome}/retract");
        (await Host.GetAsJson<List<CampaignSummary>>("/api/campaigns"))!.Single(c => c.Id == campaign).Outcomes.ShouldBe(0);
    }

    [Fact]
    public async Task retracting_twice_is_a_409_an_unknown_outcome_a_404_and_no_reason_a_400()
    {
        var (campaign, outcome, _, _) = await RecordedByMistakeAsync();
        var noReason = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/retract", new { reason = " " }, 400);
        noReason.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["reason"]);
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{Guid.NewGuid()}/retract", new { reason = "mistake" }, 404);
        (await Host.CampaignAsync(campaign)).Outcomes.ShouldHaveSingleItem();

        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/retract", new { reason = "mistake" }, 200);
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/retract", new { reason = "mistake again" }, 409);
        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes/{outcome}/corrections", new
        {
            kind = "meetingHeld", date = "2014-12-22", body = "UN Security Council", status = "achieved", reason = "r", note = "n"
        }, 409);
        (await Host.CampaignAsync(campaign)).RetractedOutcomes.ShouldHaveSingleItem().Retraction!.Reason.ShouldBe("mistake");
    }
}
