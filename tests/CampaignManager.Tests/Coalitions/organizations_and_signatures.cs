using CampaignManager.Coalitions;
using CampaignManager.Tests.Campaigns;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Coalitions;

[Collection(CoalitionsCollection.Name)]
public class organizations_and_signatures(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Guid> RegisterAsync(string name, params string[] aliases) =>
        (await Host.PostAsync("/api/organizations", new { name, aliases }, 201)).ReadAsJson<Created>()!.Id;

    private async Task<OrganizationProfile> ProfileAsync(Guid id) => (await Host.GetAsJson<OrganizationProfile>($"/api/organizations/{id}"))!;

    [Fact]
    public async Task the_async_projection_runs_in_the_test_host_and_a_signature_appears_in_the_profile()
    {
        var hrnk = await RegisterAsync("Committee for Human Rights in North Korea", "HRNK");
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("HRNK"));

        await Host.CatchUpAsync();

        var profile = await ProfileAsync(hrnk);
        profile.Organization.Name.ShouldBe("Committee for Human Rights in North Korea");
        profile.SignedAsOrganization.Select(l => l.LetterId).ShouldBe([letter]);
    }

    [Fact]
    public async Task signatures_filed_under_an_accented_key_before_the_upgrade_meet_their_organization_again()
    {
        var msf = await RegisterAsync("Médecins Sans Frontières", "MSF");
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("Médecins Sans Frontières"));
        await Host.CatchUpAsync();
        // what versions before issue #18 stored, under invariant globalization: the key with its accents
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {Store.Options.DatabaseSchemaName}.mt_doc_coalitionsignature " +
                "set name_key = ?, data = jsonb_set(data, '{nameKey}', to_jsonb(?::text))", "médecins sans frontières", "médecins sans frontières");
            await session.SaveChangesAsync();
        }
        (await ProfileAsync(msf)).SignedAsOrganization.ShouldBeEmpty();

        await new CoalitionNameKeysBackfill().Populate(Store, CancellationToken.None);

        (await ProfileAsync(msf)).SignedAsOrganization.Select(l => l.LetterId).ShouldBe([letter]);
    }

    [Fact]
    public async Task an_individual_signing_with_the_organization_as_affiliation_is_shown_apart_from_the_organization_signing()
    {
        var jbi = await RegisterAsync("Jacob Blaustein Institute for the Advancement of Human Rights", "JBI");
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("Jacob Blaustein Institute for the Advancement of Human Rights"));
        await Host.SignAsync(letter, Individual("Felice Gaer", "Director", "J.B.I.", forIdentificationOnly: true));
        await Host.CatchUpAsync();

        var profile = await ProfileAsync(jbi);
        profile.SignedAsOrganization.Count.ShouldBe(1);
        var through = profile.ThroughAffiliatedIndividuals.ShouldHaveSingleItem();
        through.SignerName.ShouldBe("Felice Gaer");
        through.ForIdentificationOnly.ShouldBeTrue();
    }

    [Fact]
    public async Task an_unregistered_name_is_listed_and_an_alias_added_later_claims_its_past_signatures()
    {
        var hrnk = await RegisterAsync("Committee for Human Rights in North Korea");
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("HRNK"));
        await Host.CatchUpAsync();

        var listed = (await Host.GetAsJson<List<OrganizationSummary>>("/api/organizations"))!;
        listed.Single(o => !o.Organization.Registered).Organization.Name.ShouldBe("HRNK");
        (await ProfileAsync(hrnk)).SignedAsOrganization.ShouldBeEmpty();

        await Host.PostAsync($"/api/organizations/{hrnk}/aliases", new { alias = "HRNK" }, 200);
        await Host.CatchUpAsync();
        (await ProfileAsync(hrnk)).SignedAsOrganization.Select(l => l.LetterId).ShouldBe([letter]);
        (await Host.GetAsJson<List<OrganizationSummary>>("/api/organizations"))!.ShouldAllBe(o => o.Organization.Registered);
    }

    [Fact]
    public async Task a_name_already_claimed_by_another_organization_is_a_409()
    {
        await RegisterAsync("Human Rights Watch", "HRW");
        await Host.PostAsync("/api/organizations", new { name = "human rights watch." }, 409);
        var other = await RegisterAsync("Human Rights First");
        await Host.PostAsync($"/api/organizations/{other}/aliases", new { alias = "hrw" }, 409);
        await Host.PostAsync("/api/organizations", new { name = "" }, 400);
    }

    [Fact]
    public async Task merging_folds_the_duplicate_into_the_survivor_and_every_view_follows()
    {
        var survivor = await RegisterAsync("Committee for Human Rights in North Korea", "HRNK");
        var duplicate = await RegisterAsync("Cttee. for Human Rights in N. Korea");
        var campaign = await Host.LaunchAsync();
        var letter = await Host.OpenDraftAsync();
        await Host.AttachAsync(campaign, letter);
        await Host.SignAsync(letter, Organization("Cttee. for Human Rights in N. Korea"));
        await Host.SignAsync(letter, Organization("Freedom House"));

        await Host.PostAsync($"/api/organizations/{survivor}/merge", new { duplicateId = duplicate }, 200);
        await Host.PostAsync($"/api/organizations/{survivor}/merge", new { duplicateId = duplicate }, 409);
        await Host.CatchUpAsync();

        var profile = await ProfileAsync(duplicate); // the old id answers with the survivor
        profile.Organization.Id.ShouldBe(survivor);
        profile.MergedFrom.ShouldBe([duplicate]);
        profile.SignedAsOrganization.Select(l => l.LetterId).ShouldBe([letter]);
        profile.Campaigns.Select(c => c.Id).ShouldBe([campaign]);
        (await Host.GetAsJson<List<OrganizationSummary>>("/api/organizations"))!.ShouldNotContain(o => o.Organization.Id == duplicate);

        var pair = (await Host.GetAsJson<List<CoalitionPair>>("/api/coalitions/matrix"))!.ShouldHaveSingleItem();
        new[] { pair.First.Name, pair.Second.Name }.ShouldBe(["Committee for Human Rights in North Korea", "Freedom House"], ignoreOrder: true);
        pair.Letters.Select(l => l.LetterId).ShouldBe([letter]);

        var coalition = (await Host.GetAsJson<CampaignCoalition>($"/api/campaigns/{campaign}/coalition"))!;
        coalition.Organizations.Select(o => o.Organization.Name)
            .ShouldBe(["Committee for Human Rights in North Korea", "Freedom House"]);
    }

    [Fact]
    public async Task a_withdrawn_signature_leaves_the_views()
    {
        var hrw = await RegisterAsync("Human Rights Watch");
        var letter = await Host.OpenDraftAsync();
        var signature = await Host.SignAsync(letter, Organization("Human Rights Watch"));
        await Host.PostAsync($"/api/letters/{letter}/signatures/{signature.Id}/withdraw", new { reason = "board decision" }, 200);
        await Host.CatchUpAsync();
        (await ProfileAsync(hrw)).SignedAsOrganization.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unknown_organization_is_a_404()
    {
        await Host.Scenario(x => { x.Get.Url($"/api/organizations/{Guid.NewGuid()}"); x.StatusCodeShouldBe(404); });
        await Host.PostAsync($"/api/organizations/{Guid.NewGuid()}/aliases", new { alias = "X" }, 404);
    }
}
