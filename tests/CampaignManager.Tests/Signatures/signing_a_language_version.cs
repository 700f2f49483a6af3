using CampaignManager.Tests.Appeals;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Signatures;

/// <summary>Signers bound to the text they read: the language and its version, and re-confirmation of that text only.</summary>
[Collection(AppealsCollection.Name)]
public class signing_a_language_version(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task TrackedAsync(string url, object body)
    {
        await Host.TrackActivity().Timeout(AppealApi.FanOutPatience).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            await Host.Scenario(x => { x.Post.Json(body).ToUrl(url); x.StatusCodeShouldBe(200); })));
    }

    [Fact]
    public async Task a_french_signer_of_the_french_translation_is_asked_to_reconfirm_only_after_the_french_text_changes()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.TranslateAsync(letter, "fr");
        var (frEmail, enEmail) = ($"fidh-{Guid.NewGuid():N}@ngo.example", $"hrw-{Guid.NewGuid():N}@ngo.example");
        var french = await Host.SignAsync(letter, new { kind = "organization", name = "FIDH", email = frEmail, language = "fr" });
        var english = await Host.SignAsync(letter, LetterApi.Organization("Human Rights Watch", email: enEmail));
        (french.Language, french.SignedVersion).ShouldBe(("fr", 1));
        english.Language.ShouldBe("en");

        // the source changes: the English signer is asked, the French signer read words that did not change
        await TrackedAsync($"/api/letters/{letter}/revisions", new { body = "We urge the United States to remain a member." });
        Smtp.MessagesTo(enEmail).ShouldHaveSingleItem();
        Smtp.MessagesTo(frEmail).ShouldBeEmpty();
        var afterSource = await Host.BlockAsync(letter);
        afterSource.Single(s => s.Name == "FIDH").NeedsReconfirmation.ShouldBeFalse();
        (await Host.LetterAsync(letter)).Counts.NeedingReconfirmation.ShouldBe(1);

        // the French text catches up: now the French signer is asked, about French version 2, and the English one is not again
        await TrackedAsync($"/api/letters/{letter}/translations/fr/revisions", new { body = "Nous exhortons les États-Unis à rester membres." });
        var asked = Smtp.MessagesTo(frEmail).ShouldHaveSingleItem().Message;
        asked.TextBody.ShouldNotBeNull().ShouldContain("elle en est à la version 2"); // in French: they signed the French text
        Smtp.MessagesTo(enEmail).ShouldHaveSingleItem();
        (await Host.BlockAsync(letter)).Single(s => s.Name == "FIDH").NeedsReconfirmation.ShouldBeTrue();
        (await Host.LetterAsync(letter)).Counts.NeedingReconfirmation.ShouldBe(2);
        var round = (await Host.GetAsJson<ReconfirmationRound>($"/api/letters/{letter}/reconfirmations"))!;
        round.Signers.Select(r => (r.Name, r.State, r.Language, r.EmailedAt is not null)).ShouldBe([
            ("Human Rights Watch", ReconfirmationState.Pending, null, true), ("FIDH", ReconfirmationState.Pending, "fr", true)]);

        // the personal link shows the French change and re-confirms French version 2
        var link = new Uri(System.Text.RegularExpressions.Regex.Match(asked.TextBody, @"http://\S+/sign/\S+").Value).AbsolutePath;
        var page = await (await Host.Scenario(x => x.Get.Url(link))).ReadAsTextAsync();
        page.ShouldContain("Nous exhortons les États-Unis à rester membres.");
        await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{letter}/signatures/{french.Id}/reconfirm"); x.StatusCodeShouldBe(200); });
        var reconfirmed = (await Host.BlockAsync(letter)).Single(s => s.Name == "FIDH");
        (reconfirmed.SignedVersion, reconfirmed.NeedsReconfirmation).ShouldBe((2, false));
    }

    [Fact]
    public async Task a_language_the_letter_has_no_text_in_is_a_400_and_records_nothing()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.TranslateAsync(letter, "fr");
        await Host.SignAsync(letter, new { kind = "organization", name = "FIDH", language = "es" }, expected: 400);
        await Host.SignAsync(letter, new { kind = "organization", name = "FIDH", language = "xx" }, expected: 400);
        (await Host.LetterAsync(letter)).Counts.Signatories.ShouldBe(0);
    }

    [Fact]
    public async Task the_public_page_shows_the_chosen_translation_and_signs_it_with_one_block_across_languages()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.TranslateAsync(letter, "fr", body: "Nous demandons aux États-Unis de rester engagés.");
        await Host.SignAsync(letter, LetterApi.Organization("Human Rights Watch"));
        var token = (await Host.LetterAsync(letter)).PublicSignOnUrl!.Split('/').Last();

        var page = await Host.GetAsText($"/sign/{token}?lang=fr");
        page.ShouldContain("Nous demandons aux États-Unis de rester engagés.");
        page.ShouldContain("lang=\"fr\"");
        page.ShouldContain("name=\"Form.Language\" value=\"fr\"");
        page.ShouldContain("Human Rights Watch"); // the one block, whatever the language

        await Host.SubmitAsync($"/sign/{token}", ("Form.Kind", "organization"), ("Form.Name", "FIDH"), ("Form.Language", "fr"));
        await using var session = Store.QuerySession();
        var signed = await session.Query<Signature>().SingleAsync(x => x.LetterId == letter && x.Name == "FIDH");
        (signed.Language, signed.SignedVersion, signed.Source).ShouldBe(("fr", 1, SignatureSource.Public));
    }
}
