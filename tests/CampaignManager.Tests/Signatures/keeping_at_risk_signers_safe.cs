using CampaignManager.Signatures;
using DocumentFormat.OpenXml.Packaging;

namespace CampaignManager.Tests.Signatures;

/// <summary>A signer may be counted but listed as "Name withheld", or named publicly only once the letter is published.</summary>
[Collection(SignaturesCollection.Name)]
public class keeping_at_risk_signers_safe(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid Letter, string Link)> CountingAtOnceAsync()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(id, confirmedEmail: false, staffApproval: false);
        return (id, (await Host.LetterAsync(id)).PublicSignOnUrl!);
    }

    [Fact]
    public async Task a_withheld_name_is_counted_but_never_printed_exported_or_shown_and_staff_still_see_who_it_is()
    {
        var (id, link) = await CountingAtOnceAsync();
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Hidden Dissident"), ("Form.Title", "Lawyer"),
            ("Form.Affiliation", "Bar of Somewhere"), ("Form.Email", "hidden@example.org"), ("Form.NameWithheld", "true"));

        var letter = await Host.LetterAsync(id);
        letter.Counts.Signatories.ShouldBe(2);
        var withheld = letter.Signatories.Single(s => s.NameWithheld);
        (withheld.Name, withheld.PrintedLine).ShouldBe(("Hidden Dissident", "Name withheld"));

        var publicPage = await Host.GetAsText(link);
        publicPage.ShouldContain("Signed so far (2)");
        publicPage.ShouldContain("<li>Name withheld</li>");
        var csv = await Host.GetAsText($"/api/letters/{id}/signatories.csv");
        csv.ShouldContain("Name withheld");
        (await Host.GetAsText($"/letters/{id}")).ShouldContain("Hidden Dissident, Lawyer, Bar of Somewhere (name withheld in print)");

        await Host.LifecycleAsync(id, "close");
        await Host.LifecycleAsync(id, "finalize");
        var print = await Host.GetAsText($"/letters/{id}/print");
        print.ShouldContain("<li>Name withheld</li>");
        var docx = await DocxTextAsync(id);
        docx.ShouldContain("Name withheld");
        foreach (var leak in new[] { "Hidden Dissident", "Bar of Somewhere", "hidden@example.org" })
        {
            csv.ShouldNotContain(leak);
            print.ShouldNotContain(leak);
            docx.ShouldNotContain(leak);
            (await Host.GetAsText(link)).ShouldNotContain(leak);
        }
    }

    [Fact]
    public async Task on_an_embargoed_letter_a_signer_embargo_ends_when_staff_publish_the_signatories()
    {
        var (id, link) = await CountingAtOnceAsync();
        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/embargo-signatories"));
        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Later Lena"), ("Form.NameAfterPublication", "true"));
        (await Host.GetAsText(link)).ShouldNotContain("Later Lena");

        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/publish-signatories"));

        (await Host.GetAsText(link)).ShouldContain("<li>Later Lena</li>");
        (await Host.LetterAsync(id)).Signatories.Single().NameAfterPublication.ShouldBeTrue();
    }

    [Fact]
    public async Task on_a_letter_without_an_embargo_a_signer_embargo_lasts_until_the_letter_is_final()
    {
        var (id, link) = await CountingAtOnceAsync();
        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Later Lena"), ("Form.NameAfterPublication", "true"));

        var page = await Host.GetAsText(link);
        page.ShouldContain($"<li>{SignerPrivacy.UntilPublication}</li>");
        page.ShouldNotContain("Later Lena");
        (await Host.GetAsText($"/letters/{id}/print")).ShouldContain("Later Lena");

        await Host.LifecycleAsync(id, "close");
        await Host.LifecycleAsync(id, "finalize");
        (await Host.GetAsText(link)).ShouldContain("<li>Later Lena</li>");
    }

    private async Task<string> DocxTextAsync(Guid id)
    {
        var result = await Host.Scenario(x => x.Get.Url($"/api/letters/{id}/export.docx"));
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }
}
