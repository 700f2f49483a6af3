using CampaignManager.Signatures;
using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Targets;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Signatures;

/// <summary>A registered organization's alias is the organization: one signer, printed under its registered name.</summary>
[Collection(SignaturesCollection.Name)]
public class signing_under_an_alias(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task RegisterHrwAsync() => Host.PostAsync("/api/organizations", new { name = "Human Rights Watch", aliases = new[] { "HRW" } }, 201);

    [Fact]
    public async Task hrw_after_human_rights_watch_is_the_same_signer_and_answers_200_with_the_existing_signature()
    {
        await RegisterHrwAsync();
        var id = await Host.OpenDraftAsync();
        var first = await Host.SignAsync(id, Organization("Human Rights Watch"));

        var again = await Host.SignAsync(id, Organization("H.R.W."), expected: 200);

        again.Id.ShouldBe(first.Id);
        (await Host.LetterAsync(id)).Signatories.Select(s => s.PrintedLine).ShouldBe(["Human Rights Watch"]);
    }

    [Fact]
    public async Task hrw_signing_first_prints_as_human_rights_watch_and_the_full_name_after_it_is_a_repeat()
    {
        await RegisterHrwAsync();
        var id = await Host.OpenDraftAsync();
        var first = await Host.SignAsync(id, Organization("HRW"));
        first.Name.ShouldBe("Human Rights Watch");

        (await Host.SignAsync(id, Organization("human rights watch"), expected: 200)).Id.ShouldBe(first.Id);
        (await Host.BlockAsync(id)).Select(s => s.PrintedLine).ShouldBe(["Human Rights Watch"]);
    }

    [Fact]
    public async Task a_signature_made_under_a_name_before_it_became_an_alias_still_makes_the_organization_a_repeat()
    {
        var id = await Host.OpenDraftAsync();
        var early = await Host.SignAsync(id, Organization("HRW"));
        await RegisterHrwAsync();

        (await Host.SignAsync(id, Organization("Human Rights Watch"), expected: 200)).Id.ShouldBe(early.Id);
    }

    [Fact]
    public async Task an_unregistered_name_and_an_individual_named_like_an_alias_sign_as_typed()
    {
        await RegisterHrwAsync();
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, Organization("Human Rights Foundation"));
        await Host.SignAsync(id, Individual("HRW", null, null));

        (await Host.LetterAsync(id)).Signatories.Select(s => s.Name).ShouldBe(["Human Rights Foundation", "HRW"]);
    }

    [Fact]
    public async Task an_import_row_under_the_alias_of_a_signer_on_the_letter_is_a_duplicate()
    {
        await RegisterHrwAsync();
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, Organization("Human Rights Watch"));

        var report = (await Host.Scenario(x => x.PostBody($"/api/letters/{id}/signatures/import", "text/csv",
            Encoding.UTF8.GetBytes("kind,name\norganization,HRW\norganization,Amnesty International\n"))))
            .ReadAsJson<SignatureImportReport>()!;

        (report.Added, report.Duplicates).ShouldBe((1, 1));
        (await Host.LetterAsync(id)).Signatories.Select(s => s.Name).ShouldBe(["Amnesty International", "Human Rights Watch"]);
    }

    [Fact]
    public async Task a_public_sign_on_under_the_alias_is_the_organization_signature()
    {
        await RegisterHrwAsync();
        var id = await Host.OpenDraftAsync();
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "HRW"));
        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Human Rights Watch"));

        var letter = await Host.LetterAsync(id);
        letter.AwaitingApproval.ShouldHaveSingleItem().Name.ShouldBe("Human Rights Watch");
    }
}
