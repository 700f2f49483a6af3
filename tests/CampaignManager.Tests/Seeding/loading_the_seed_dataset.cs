using CampaignManager.Campaigns;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Outcomes;
using CampaignManager.Seeding;
using CampaignManager.Signatures;
using CampaignManager.Tests.Campaigns;
using Microsoft.Extensions.Configuration;

namespace CampaignManager.Tests.Seeding;

[CollectionDefinition(Name)]
public class SeedingCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "seeding";
}

/// <summary>The repository's own seeds/ folder, loaded through the commands, read back through the views.</summary>
[Collection(SeedingCollection.Name)]
public class loading_the_seed_dataset(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string SeedFolder =
        CampaignManager.Seeding.Configuration.SeedDirectory(new ConfigurationBuilder().Build(), AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("seeds/ not found above the test output folder");

    private SeedLoader Loader => Host.Services.GetRequiredService<SeedLoader>();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (await Loader.LoadDirectoryAsync(SeedFolder)).ShouldAllBe(r => r.Problem == null);
        await Host.CatchUpAsync();
    }

    private async Task<LetterDetails> LetterTitledAsync(string title)
    {
        var page = (await Host.GetAsJson<PageOf<LetterSummary>>("/api/letters?pageSize=50"))!;
        return await Host.LetterAsync(page.Items.Single(l => l.Title == title).Id);
    }

    private async Task<CampaignDetails> CampaignNamedAsync(string name)
    {
        var all = (await Host.GetAsJson<CampaignSummary[]>("/api/campaigns"))!;
        return await Host.CampaignAsync(all.Single(c => c.Name == name).Id);
    }

    [Fact]
    public async Task the_2018_letter_carries_its_twelve_organizations_in_the_documents_order()
    {
        var letter = await LetterTitledAsync("Statement on withdrawal from the UN Human Rights Council");
        letter.Status.ShouldBe(LetterStatus.Final);

        // the block prints in the document's order, which is the order the seed file lists them in
        var seeded = SeedLoader.Parse("2018", File.ReadAllText(Path.Combine(SeedFolder, "2018-hrc-withdrawal-letter-to-pompeo.json")))
            .Letters!.Single();
        letter.Addressees.ShouldBe(seeded.Addressees!);
        letter.Addressees.Single().Name.ShouldBe("The Honorable Mike Pompeo");
        var listed = seeded.Signatories!.Select(s => s.Name).ToList();
        letter.Signatories.Select(s => s.Name).ShouldBe(listed);
        listed.Count.ShouldBe(12);
        (listed[0], listed[3], listed[11]).ShouldBe(("Better World Campaign", "Committee for Human Rights in North Korea (HRNK)",
            "United Nations Association - USA"));
        letter.Signatories.ShouldAllBe(s => s.Kind == SignatoryKind.Organization);
        letter.DraftedAt.ShouldBe(new DateTimeOffset(2018, 6, 19, 12, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task the_2014_kerry_letter_carries_its_fourteen_individuals_with_titles_and_affiliations()
    {
        var letter = await LetterTitledAsync("UN General Assembly action on North Korea");
        letter.Signatories.Count.ShouldBe(14);
        letter.Signatories.ShouldAllBe(s => s.Kind == SignatoryKind.Individual);
        letter.Signatories.First().PrintedLine.ShouldBe("Morton Abramowitz, Senior Fellow, The Century Foundation");
        letter.Signatories.Single(s => s.Name == "Roberta Cohen")
            .ShouldSatisfyAllConditions(s => s.Title.ShouldBe("Co-Chair of the Board of Directors"),
                s => s.Affiliation.ShouldBe("The Committee for Human Rights in North Korea"));
        letter.Signatories.Single(s => s.Name == "David Hawk").Affiliation.ShouldBeNull();
        letter.Signatories.Last().Name.ShouldBe("Hannah Song");
    }

    [Theory]
    [InlineData("Freedom House")]
    [InlineData("Human Rights First")]
    [InlineData("Committee for Human Rights in North Korea")]
    public async Task an_organization_appears_both_as_a_2018_signer_and_as_the_affiliation_of_2014_signers(string name)
    {
        var organizations = (await Host.GetAsJson<OrganizationSummary[]>("/api/organizations"))!;
        var id = organizations.Single(o => o.Organization.Name == name).Organization.Id!.Value;
        var profile = (await Host.GetAsJson<OrganizationProfile>($"/api/organizations/{id}"))!;

        profile.SignedAsOrganization.Select(l => l.Title).ShouldContain("Statement on withdrawal from the UN Human Rights Council");
        profile.ThroughAffiliatedIndividuals.Select(a => a.Title).ShouldContain("UN General Assembly action on North Korea");
    }

    [Fact]
    public async Task the_2019_campaign_shows_a_meeting_blocked_with_eight_of_fifteen()
    {
        var campaign = await CampaignNamedAsync("2019 Security Council meeting on human rights in North Korea");
        var outcome = campaign.Outcomes.Single().Facts;
        outcome.Kind.ShouldBe(OutcomeKind.MeetingBlocked);
        outcome.Support.ShouldBe(new ProceduralSupport(8, 15, 9));
        (outcome.Nature, outcome.Result, outcome.Tally).ShouldBe((DecisionNature.Procedural, DecisionResult.NotTakenUp, null));
        outcome.Date.ShouldBe(new DateOnly(2019, 12, 10));
        campaign.Status.ShouldBe(CampaignStatus.NotAchieved);
    }

    [Fact]
    public async Task the_2020_campaign_shows_an_adoption_by_consensus_and_the_co_sponsors()
    {
        var campaign = await CampaignNamedAsync("2020 UNGA resolution on human rights in the DPRK");
        var outcome = campaign.Outcomes.Single().Facts;
        (outcome.Kind, outcome.Consensus, outcome.Tally).ShouldBe((OutcomeKind.ResolutionAdopted, true, null));
        (outcome.Nature, outcome.Result).ShouldBe((DecisionNature.Substantive, DecisionResult.AdoptedByConsensus));
        campaign.Status.ShouldBe(CampaignStatus.Achieved);
        campaign.WhipCount.Counts.Single(c => c.Position == TargetPosition.CoSponsor).Count.ShouldBe(3);
    }

    [Fact]
    public async Task the_2014_joint_appeal_went_to_the_missions_of_all_193_member_states_by_hand()
    {
        var letter = await LetterTitledAsync("Letter to all UN member states on the North Korea resolution");
        var appeals = (await Host.GetAsJson<System.Text.Json.JsonElement>($"/api/letters/{letter.Id}/appeals"));
        var appealId = appeals.EnumerateArray().Single().GetProperty("id").GetGuid();
        var appeal = await Host.GetAsJson<System.Text.Json.JsonElement>($"/api/appeals/{appealId}");

        var recipients = appeal.GetProperty("recipients").EnumerateArray().ToList();
        recipients.Count.ShouldBe(193);
        recipients.ShouldAllBe(r => r.GetProperty("channel").GetString() == "manual");
        recipients.Select(r => r.GetProperty("name").GetString()).ShouldContain("Permanent Mission of Japan to the United Nations");
        // the document records no deliveries, so none are invented
        appeal.GetProperty("counts").GetProperty("queued").GetInt32().ShouldBe(193);
    }

    [Fact]
    public async Task loading_the_dataset_again_changes_nothing()
    {
        var before = await CountEventsAsync();
        var reports = await Loader.LoadDirectoryAsync(SeedFolder);
        reports.ShouldAllBe(r => r.Written == 0 && r.Problem == null);
        (await CountEventsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task a_malformed_file_names_the_file_the_place_and_the_reason_and_loads_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("seeds-");
        var good = File.ReadAllText(Path.Combine(SeedFolder, "2019-unsc-dprk-meeting-blocked.json"));
        File.WriteAllText(Path.Combine(folder.FullName, "broken.json"),
            good.Replace("\"name\": \"2019 Security Council", "\"name\": \"Broken copy").Replace("\"members\": 15", "\"members\": \"fifteen\""));
        File.WriteAllText(Path.Combine(folder.FullName, "invalid.json"),
            good.Replace("\"name\": \"2019 Security Council", "\"name\": \"Invalid copy").Replace("\"needed\": 9", "\"needed\": 99"));
        var before = await CountEventsAsync();

        var reports = await Loader.LoadDirectoryAsync(folder.FullName);

        reports.Single(r => r.File == "broken.json").Problem!.ShouldSatisfyAllConditions(
            p => p.ShouldStartWith("broken.json: at $.outcomes[0].support.members"), p => p.ShouldContain("line"));
        reports.Single(r => r.File == "invalid.json").Problem!.ShouldStartWith("invalid.json: at $.outcomes[0].support:");
        (await CountEventsAsync()).ShouldBe(before);
    }

    private async Task<long> CountEventsAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
