using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

[Collection(SignaturesCollection.Name)]
public class signing_a_letter(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task organizations_and_individuals_sign_and_the_block_prints_in_order()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, LetterApi.Individual("Roberta Cohen", "Co-Chair", "Committee for Human Rights in North Korea", forIdentificationOnly: true));
        await Host.SignAsync(id, LetterApi.Organization("The Jacob Blaustein Institute for the Advancement of Human Rights"));
        await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        await Host.SignAsync(id, LetterApi.Individual("Victor Cha", null, "Georgetown University"));
        await Host.SignAsync(id, LetterApi.Organization("Human Rights First"));

        var letter = await Host.LetterAsync(id);
        letter.Signatories.Select(s => s.Name).ShouldBe([
            "Freedom House", "Human Rights First", "The Jacob Blaustein Institute for the Advancement of Human Rights",
            "Victor Cha", "Roberta Cohen"
        ]);
        letter.Counts.ShouldBe(new SignatureCounts(5, 3, 2, 0, 0));
        var cohen = letter.Signatories.Single(s => s.Name == "Roberta Cohen");
        cohen.Kind.ShouldBe(SignatoryKind.Individual);
        cohen.AffiliationForIdentificationOnly.ShouldBeTrue();
        cohen.SignedVersion.ShouldBe(1);
    }

    [Theory]
    [InlineData("draft")]
    [InlineData("closed")]
    public async Task signing_a_letter_that_is_not_open_is_rejected_with_409(string state)
    {
        var id = await Host.DraftAsync();
        if (state == "closed") { await Host.LifecycleAsync(id, "open"); await Host.LifecycleAsync(id, "close"); }

        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"), expected: 409);
        (await Host.LetterAsync(id)).Signatories.ShouldBeEmpty();
    }

    [Fact]
    public async Task signing_after_the_deadline_is_rejected_with_409()
    {
        var id = await Host.DraftAsync();
        await Host.Scenario(x => x.Post.Json(new { deadline = Fixture.Clock.GetUtcNow().AddDays(1) }).ToUrl($"/api/letters/{id}/open"));
        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"), expected: 409);
    }

    [Fact]
    public async Task a_repeat_sign_on_answers_200_with_the_existing_signature_instead_of_a_second_row()
    {
        var id = await Host.OpenDraftAsync();
        var first = await Host.SignAsync(id, LetterApi.Individual("Greg Scarlatoiu", "Executive Director", "HRNK", email: "greg@example.org"));

        var sameEmail = await Host.SignAsync(id, LetterApi.Individual("G. Scarlatoiu", null, null, email: "GREG@example.org "), expected: 200);
        var sameName = await Host.SignAsync(id, LetterApi.Individual("greg  scarlatoiu", "Director", "hrnk."), expected: 200);

        sameEmail.Id.ShouldBe(first.Id);
        sameName.Id.ShouldBe(first.Id);
        (await Host.LetterAsync(id)).Signatories.Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_withdrawal_is_kept_as_history_and_signing_again_renews_the_signature()
    {
        var id = await Host.OpenDraftAsync();
        var signed = await Host.SignAsync(id, LetterApi.Organization("Amnesty International"));

        await Host.Scenario(x =>
        {
            x.Post.Json(new { reason = "Board decision" }).ToUrl($"/api/letters/{id}/signatures/{signed.Id}/withdraw");
            x.StatusCodeShouldBe(200);
        });
        await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{signed.Id}/withdraw"); x.StatusCodeShouldBe(409); });

        var letter = await Host.LetterAsync(id);
        letter.Signatories.ShouldBeEmpty();
        letter.Withdrawn.Single().WithdrawalReason.ShouldBe("Board decision");

        var again = await Host.SignAsync(id, LetterApi.Organization("Amnesty International"), expected: 200);
        again.Id.ShouldBe(signed.Id);
        (await Host.LetterAsync(id)).Signatories.Single().Status.ShouldBe(SignatureStatus.Active);

        var history = (await Host.GetAsJson<JsonElement[]>($"/api/letters/{id}/history"))!;
        history.Select(h => h.GetProperty("event").GetString()).ShouldContain("SignatureWithdrawn");
        history.Select(h => h.GetProperty("event").GetString()).ShouldContain("SignatureRenewed");
    }

    [Fact]
    public async Task a_revision_after_signing_flags_older_signatures_until_they_are_reconfirmed()
    {
        var id = await Host.OpenDraftAsync();
        var early = await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        await Host.ReviseAsync(id, new { body = "Stronger wording" });
        await Host.SignAsync(id, LetterApi.Organization("Human Rights First"));

        var letter = await Host.LetterAsync(id);
        letter.Signatories.Single(s => s.Name == "Freedom House").NeedsReconfirmation.ShouldBeTrue();
        letter.Signatories.Single(s => s.Name == "Human Rights First").SignedVersion.ShouldBe(2);
        letter.Counts.NeedingReconfirmation.ShouldBe(1);

        await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{early.Id}/reconfirm"); x.StatusCodeShouldBe(200); });

        letter = await Host.LetterAsync(id);
        letter.Signatories.ShouldAllBe(s => !s.NeedsReconfirmation && s.SignedVersion == 2);
    }

    [Fact]
    public async Task staff_can_pin_an_explicit_signatory_order()
    {
        var id = await Host.OpenDraftAsync();
        var a = await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        var b = await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        var c = await Host.SignAsync(id, LetterApi.Individual("Roberta Cohen", null, null));

        await Host.Scenario(x => x.Post.Json(new { signatureIds = new[] { c.Id, b.Id } }).ToUrl($"/api/letters/{id}/signatory-order"));
        (await Host.LetterAsync(id)).Signatories.Select(s => s.Id).ShouldBe([c.Id, b.Id, a.Id]);

        await Host.Scenario(x =>
        {
            x.Post.Json(new { signatureIds = new[] { Guid.NewGuid() } }).ToUrl($"/api/letters/{id}/signatory-order");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task a_signature_from_another_letter_cannot_be_pinned_into_this_block()
    {
        var id = await Host.OpenDraftAsync();
        var here = await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        var elsewhere = await Host.SignAsync(await Host.OpenDraftAsync(), LetterApi.Organization("Human Rights Watch"));

        var problem = await Host.Scenario(x =>
        {
            x.Post.Json(new { signatureIds = new[] { here.Id, elsewhere.Id } }).ToUrl($"/api/letters/{id}/signatory-order");
            x.StatusCodeShouldBe(400);
        });
        problem.ReadAsText().ShouldContain(elsewhere.Id.ToString());
        problem.ReadAsText().ShouldNotContain(here.Id.ToString());
        (await Host.LetterAsync(id)).Signatories.Select(s => s.Id).ShouldBe([here.Id]);
    }

    [Fact]
    public async Task bad_signatory_input_gets_field_errors_and_records_nothing()
    {
        var id = await Host.OpenDraftAsync();
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { kind = "organization", name = " ", affiliation = "X", email = "not-an-email" }).ToUrl($"/api/letters/{id}/signatures");
            x.StatusCodeShouldBe(400);
        });
        var errors = result.ReadAsJson<JsonElement>().GetProperty("errors");
        errors.EnumerateObject().Select(p => p.Name).ShouldBe(["name", "affiliation", "email"], ignoreOrder: true);

        await Host.Scenario(x => { x.Post.Json(new { kind = "robot", name = "R2" }).ToUrl($"/api/letters/{id}/signatures"); x.StatusCodeShouldBe(400); });
        (await Host.LetterAsync(id)).Signatories.ShouldBeEmpty();
    }
}
