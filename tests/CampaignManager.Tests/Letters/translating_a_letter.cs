using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

[Collection(IntegrationCollection.Name)]
public class translating_a_letter(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_stale_translation_is_flagged_in_the_letter_json_and_on_the_letter_page()
    {
        var id = await Host.DraftAsync();
        await Host.TranslateAsync(id, "fr");
        await Host.TranslateAsync(id, "es");
        await Host.ReviseAsync(id, new { body = "A sharper second paragraph." });
        await Host.ReviseTranslationAsync(id, "es", new { body = "Un segundo párrafo más preciso." });

        var letter = await Host.LetterAsync(id);
        letter.SourceLanguage.ShouldBe("en");
        var fr = letter.Translations!.Single(t => t.Language == "fr");
        (fr.Stale, fr.Version, fr.SourceVersion).ShouldBe((true, 1, 1));
        var es = letter.Translations!.Single(t => t.Language == "es");
        (es.Stale, es.Version, es.SourceVersion, es.Body).ShouldBe((false, 2, 2, "Un segundo párrafo más preciso."));

        var page = await Host.GetAsText($"/letters/{id}");
        page.ShouldContain("data-testid=\"stale-fr\"");
        page.ShouldNotContain("data-testid=\"stale-es\"");
        page.ShouldContain($"data-post=\"/api/letters/{id}/translations\""); // staff add a translation from the page

        await Host.LifecycleAsync(id, "open");
        var open = await Host.GetAsText($"/letters/{id}");
        open.ShouldContain("<select id=\"sig-language\" name=\"language\">"); // staff record which text a signer signed
        open.ShouldContain("<option value=\"fr\">French (fr)</option>");

        await Host.SignAsync(id, new { kind = "organization", name = "FIDH", language = "fr" });
        var history = await Host.GetAsText($"/api/letters/{id}/history");
        history.ShouldContain("Translated into French (fr) from version 1");
        history.ShouldContain("Spanish translation revised to version 2 from source version 2: changed body");
        history.ShouldContain("FIDH signed the French text, version 1");
    }

    [Fact]
    public async Task a_letter_may_be_drafted_in_another_language_and_a_bad_tag_changes_nothing()
    {
        var created = await Host.Scenario(x =>
        {
            x.Post.Json(new { title = "Lettre", subject = "Objet", body = "Corps", closing = "", language = "fr-ca" }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(201);
        });
        var id = created.ReadAsJson<LetterApi.Created>()!.Id;
        (await Host.LetterAsync(id)).SourceLanguage.ShouldBe("fr-CA");

        await Host.TranslateAsync(id, "klingon", expected: 400);
        await Host.TranslateAsync(id, "fr-CA", expected: 400);
        await Host.ReviseTranslationAsync(id, "es", new { body = "x" }, expected: 404);
        (await Host.LetterAsync(id)).Translations.ShouldBeEmpty();
    }
}
