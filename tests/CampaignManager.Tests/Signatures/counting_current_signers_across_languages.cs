using CampaignManager.Letters;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// The public page's "current version only" over HTTP on a letter in two languages: a translation's signers count
/// while they stand on their text's current version, and drop out when their own text changes.
/// </summary>
[Collection(SignaturesCollection.Name)]
public class counting_current_signers_across_languages(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_french_signer_counts_as_current_until_the_french_text_changes_whatever_the_source_does()
    {
        var id = await Host.OpenDraftAsync();
        await Host.TranslateAsync(id, "fr", body: "Nous demandons aux États-Unis de rester.");
        var hrw = await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await Host.SignAsync(id, new { kind = "organization", name = "FIDH", language = "fr" });
        await Host.ReviseAsync(id, new { body = "We urge the United States to remain a member." });
        await Host.Scenario(x => { x.Post.Json(new { mode = "currentVersionOnly" }).ToUrl($"/api/letters/{id}/public-signatory-display"); x.StatusCodeShouldBe(200); });
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        // the source moved on: Human Rights Watch signed source version 1; FIDH signed the French text as it still stands
        var afterSource = await Host.GetAsText(link);
        afterSource.ShouldContain("<h2>Signed the current text so far (1)</h2>");
        afterSource.ShouldContain("<li>FIDH</li>");
        afterSource.ShouldNotContain("Human Rights Watch");
        var french = await Host.GetAsText(link + "?lang=fr");
        french.ShouldContain("<h2>Ont signé le texte actuel à ce jour (1)</h2>");

        // the French text changes, Human Rights Watch re-confirms, a new French signer signs French version 2
        await Host.ReviseTranslationAsync(id, "fr", new { body = "Nous exhortons les États-Unis à rester membres." });
        await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{hrw.Id}/reconfirm"); x.StatusCodeShouldBe(200); });
        await Host.SignAsync(id, new { kind = "organization", name = "Ligue des droits de l'Homme", language = "fr" });

        var page = await Host.GetAsText(link);
        page.ShouldContain("<h2>Signed the current text so far (2)</h2>");
        page.ShouldContain("<li>Human Rights Watch</li>");
        page.ShouldContain("<li>Ligue des droits de l&#x27;Homme</li>");
        page.ShouldNotContain("<li>FIDH</li>");
        (await Host.LetterAsync(id)).Signatories.Count.ShouldBe(3, "staff still see every signature");
    }
}
