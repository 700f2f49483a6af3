using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Campaigns;

[Collection(CampaignsCollection.Name)]
public class reading_the_campaign_timeline(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_timeline_names_targets_and_letters_instead_of_their_ids_and_keeps_the_event_type()
    {
        var campaign = await Host.LaunchAsync("Accountability for the DPRK");
        var japan = await Host.TargetAsync("Japan");
        var letter = await Host.DraftAsync("Keep the accountability paragraphs");
        await Host.AttachAsync(campaign, letter);
        await Host.PositionAsync(campaign, japan, "coSponsor", "2020-11-10");

        var details = await Host.CampaignAsync(campaign);

        var attached = details.Timeline.Single(e => e.Event == "LetterAttachedToCampaign");
        attached.Summary.ShouldBe("Letter “Keep the accountability paragraphs” attached");
        var position = details.Timeline.Single(e => e.Event == "TargetPositionRecorded");
        position.Summary.ShouldBe("Japan co-sponsored (as of 2020-11-10, call with the mission)");
        details.Timeline.Single(e => e.Event == "LetterDrafted").Summary.ShouldStartWith("Drafted \"Keep the accountability paragraphs\"");
        details.Timeline.ShouldAllBe(e => !e.Summary.Contains(japan.ToString()) && !e.Summary.Contains(letter.ToString()));
    }

    [Fact]
    public async Task a_letter_event_says_which_of_the_campaign_s_letters_it_belongs_to()
    {
        var campaign = await Host.LaunchAsync();
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("Human Rights Watch"));
        await Host.AttachAsync(campaign, letter);
        var title = (await Host.CampaignAsync(campaign)).Letters.Single().Title;

        var details = await Host.CampaignAsync(campaign);

        details.Timeline.Single(e => e.Event == "LetterOpenedForSignatures").Summary.ShouldBe($"Letter “{title}”: Opened for signatures");
        details.Timeline.Single(e => e.Event == "SignatureAdded").Summary
            .ShouldStartWith($"Letter “{title}”: Human Rights Watch signed version 1");
    }

    [Fact]
    public async Task the_as_of_timeline_uses_the_same_words()
    {
        var campaign = await Host.LaunchAsync(beganOn: "2020-10-01");
        var ghana = await Host.TargetAsync("Ghana");
        await Host.PositionAsync(campaign, ghana, "undecided", "2020-11-01");
        await Host.PositionAsync(campaign, ghana, "votedYes", "2020-11-02");
        // "as of" places positions by the day they were stated, not when they were typed in
        var asOf = "2020-11-01T12:00:00Z";

        var then = await Host.CampaignAsync(campaign, $"?asOf={asOf}");
        var now = await Host.CampaignAsync(campaign);

        then.Timeline.Select(e => e.Summary).ShouldContain("Ghana is undecided (as of 2020-11-01, call with the mission)");
        then.Timeline.Select(e => e.Summary).ShouldNotContain(s => s.StartsWith("Ghana voted yes"));
        now.Timeline.Select(e => e.Summary).ShouldContain("Ghana voted yes (as of 2020-11-02, call with the mission)");
    }

    [Fact]
    public async Task the_campaign_page_reads_the_timeline_in_words()
    {
        var campaign = await Host.LaunchAsync();
        var japan = await Host.TargetAsync("Japan");
        await Host.PositionAsync(campaign, japan, "coSponsor", "2020-11-10");

        var html = await Host.PageAsync($"/campaigns/{campaign}");

        html.ShouldContain("Japan co-sponsored (as of 2020-11-10, call with the mission)");
        html.ShouldNotContain($"Target {japan}");
    }
}
