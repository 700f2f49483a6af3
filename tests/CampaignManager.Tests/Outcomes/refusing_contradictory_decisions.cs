using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Outcomes;

/// <summary>
/// Decisions that contradict themselves or the body that took them are a 400 naming the field, over HTTP and against
/// a real database, and nothing is recorded; the Council's 22 December 2014 vote, all fifteen members given, still is.
/// </summary>
[Collection(CampaignsCollection.Name)]
public class refusing_contradictory_decisions(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Decision(string kind = "meetingHeld", string body = "UN Security Council", string nature = "procedural",
        string result = "adoptedByVote", object? tally = null, Dictionary<Guid, string>? votes = null, string[]? vetoedBy = null) => new
    {
        kind, date = "2014-12-22", body, venue = "7353rd meeting", nature, result, tally, votes, vetoedBy,
        status = "achieved", reason = "The situation in the DPRK is on the Council's agenda"
    };

    /// <summary>The fifteen Council members as targets, voting 11 yes, 2 no and 2 abstaining, or as asked.</summary>
    private async Task<Dictionary<Guid, string>> CouncilAsync(params string[] votes)
    {
        var all = votes.Length > 0 ? votes : [.. Enumerable.Repeat("yes", 11), "no", "no", "abstain", "abstain"];
        var members = new Dictionary<Guid, string>();
        for (var i = 0; i < all.Length; i++) members[await Host.TargetAsync($"Council member {i + 1}")] = all[i];
        return members;
    }

    [Theory]
    [InlineData("every member's vote given, 11-2-2, beside a tally of 12-2-2", "tally")]
    [InlineData("every vote given, one member absent, beside a tally that does not match them", "tally")]
    [InlineData("a meeting held on a question not taken up", "result")]
    [InlineData("a procedural Council adoption with 8 votes in favour", "tally")]
    [InlineData("a 20-vote tally in the 15-member Council", "tally")]
    [InlineData("a veto in the General Assembly", "result")]
    public async Task a_contradictory_decision_is_a_400_naming_the_field_and_records_nothing(string decision, string field)
    {
        var campaign = await Host.LaunchAsync("DPRK on the Security Council agenda", "UN Security Council");
        var body = decision switch
        {
            "every member's vote given, 11-2-2, beside a tally of 12-2-2" =>
                Decision(tally: new { yes = 12, no = 2, abstain = 2 }, votes: await CouncilAsync()),
            "every vote given, one member absent, beside a tally that does not match them" =>
                Decision(tally: new { yes = 11, no = 2, abstain = 2 },
                    votes: await CouncilAsync([.. Enumerable.Repeat("yes", 11), "no", "no", "abstain", "absent"])),
            "a meeting held on a question not taken up" => Decision(result: "notTakenUp"),
            "a procedural Council adoption with 8 votes in favour" => Decision(tally: new { yes = 8, no = 4, abstain = 3 }),
            "a 20-vote tally in the 15-member Council" => Decision(tally: new { yes = 14, no = 3, abstain = 3 }),
            _ => Decision("resolutionVetoed", "UN General Assembly", "substantive", "vetoed", new { yes = 120, no = 10, abstain = 40 },
                vetoedBy: ["United States"])
        };

        var refused = await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", body, 400);

        refused.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe([field]);
        var details = await Host.CampaignAsync(campaign);
        details.Outcomes.ShouldBeEmpty();
        details.WhipCount.Targets.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_22_december_2014_vote_with_every_members_vote_given_is_recorded()
    {
        var campaign = await Host.LaunchAsync("DPRK on the Security Council agenda", "UN Security Council");
        var council = await CouncilAsync();

        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes", Decision(tally: new { yes = 11, no = 2, abstain = 2 }, votes: council), 201);

        var details = await Host.CampaignAsync(campaign);
        details.Outcomes.ShouldHaveSingleItem().Facts.Votes!.Count.ShouldBe(15);
        details.WhipCount.Targets.Count.ShouldBe(15);
    }

    [Fact]
    public async Task a_body_the_app_does_not_know_keeps_the_looser_rules()
    {
        var campaign = await Host.LaunchAsync();

        await Host.PostAsync($"/api/campaigns/{campaign}/outcomes",
            Decision(body: "Board of Governors", tally: new { yes = 8, no = 4, abstain = 8 }), 201);
    }
}
