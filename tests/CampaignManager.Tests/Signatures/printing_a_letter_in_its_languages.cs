using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampaignManager.Tests.Signatures;

/// <summary>Print, DOCX and CSV over HTTP on a letter in several languages: one block, the text asked for, a stale one marked.</summary>
[Collection(IntegrationCollection.Name)]
public class printing_a_letter_in_its_languages(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Guid> TranslatedAndSignedAsync()
    {
        var id = await Host.OpenDraftAsync();
        await Host.TranslateAsync(id, "fr", body: "Nous demandons aux États-Unis de rester engagés.");
        await Host.TranslateAsync(id, "ar", body: "نطلب من الولايات المتحدة البقاء.");
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await Host.SignAsync(id, new { kind = "organization", name = "FIDH", language = "fr" });
        return id;
    }

    private async Task<List<string>> DocxParagraphsAsync(string url, Action<Body>? also = null)
    {
        var result = await Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(200); });
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        var body = document.MainDocumentPart!.Document.Body!;
        also?.Invoke(body);
        return body.Elements<Paragraph>().Select(p => p.InnerText).ToList();
    }

    private async Task ShouldBeALanguageProblemAsync(string url)
    {
        var result = await Host.Scenario(x => { x.Get.Url(url); x.StatusCodeShouldBe(400); });
        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        var errors = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement.GetProperty("errors");
        errors.GetProperty("language")[0].GetString().ShouldNotBeNull().ShouldContain("is not one of the letter's languages: en, fr, ar");
    }

    [Fact]
    public async Task the_print_page_shows_the_french_text_with_the_one_block_and_marks_it_once_it_is_stale()
    {
        var id = await TranslatedAndSignedAsync();

        var french = await Host.GetAsText($"/letters/{id}/print?language=fr");
        french.ShouldContain("<html lang=\"fr\" dir=\"ltr\">");
        french.ShouldContain("Nous demandons aux États-Unis de rester engagés.");
        french.ShouldContain("<li>Human Rights Watch</li>");
        french.ShouldContain("<li>FIDH</li>");
        french.ShouldNotContain("stale-translation");
        (await Host.GetAsText($"/letters/{id}/print")).ShouldContain("<html lang=\"en\" dir=\"ltr\">");
        (await Host.GetAsText($"/letters/{id}/print?language=ar")).ShouldContain("<html lang=\"ar\" dir=\"rtl\">");

        await Host.ReviseAsync(id, new { body = "We urge the United States to remain a member." });
        var stale = await Host.GetAsText($"/letters/{id}/print?language=fr");
        stale.ShouldContain("id=\"stale-translation\"");
        stale.ShouldContain("this French text (version 1) was made from version 1 of the source, which is now at version 2");
        stale.ShouldContain("Nous demandons aux États-Unis de rester engagés.");
    }

    [Fact]
    public async Task the_docx_takes_a_language_writes_arabic_right_to_left_and_an_unknown_language_is_a_400_naming_the_field()
    {
        var id = await TranslatedAndSignedAsync();

        var french = await DocxParagraphsAsync($"/api/letters/{id}/export.docx?language=fr");
        french.ShouldContain("Nous demandons aux États-Unis de rester engagés.");
        french.ShouldContain("FIDH");
        french.ShouldContain("Human Rights Watch");
        french[0].ShouldBe(Fixture.Clock.GetUtcNow().ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("fr")));

        var rightToLeft = false;
        await DocxParagraphsAsync($"/api/letters/{id}/export.docx?language=ar",
            body => rightToLeft = body.Elements<Paragraph>().All(p => p.ParagraphProperties?.BiDi is not null));
        rightToLeft.ShouldBeTrue();

        await ShouldBeALanguageProblemAsync($"/api/letters/{id}/export.docx?language=de");
        await ShouldBeALanguageProblemAsync($"/api/letters/{id}/export.docx?language=klingon");
        await ShouldBeALanguageProblemAsync($"/letters/{id}/print?language=es");
    }

    [Fact]
    public async Task the_csv_says_which_language_each_signer_signed_in()
    {
        var id = await TranslatedAndSignedAsync();

        var lines = (await Host.GetAsText($"/api/letters/{id}/signatories.csv")).Split("\r\n");
        var header = lines[0].Split(',');
        var language = Array.IndexOf(header, "language");
        language.ShouldBe(Array.IndexOf(header, "signed_version") + 1);
        lines.Skip(1).Where(l => l.Length > 0).Select(l => (l.Split(',')[2], l.Split(',')[language]))
            .ShouldBe([("FIDH", "fr"), ("Human Rights Watch", "en")], ignoreOrder: true);
    }
}
