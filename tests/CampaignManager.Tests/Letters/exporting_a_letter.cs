using DocumentFormat.OpenXml.Packaging;

namespace CampaignManager.Tests.Letters;

[Collection(IntegrationCollection.Name)]
public class exporting_a_letter(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Guid> FinalLetterAsync()
    {
        var id = await Host.DraftAsync(body: "Dear Secretary,\n\nWe ask you to **review** the decision.\n\n<script>alert(1)</script>");
        await Host.LifecycleAsync(id, "open");
        await Host.SignAsync(id, LetterApi.Individual("Roberta Cohen", "Co-Chair", "HRNK", forIdentificationOnly: true, email: "rc@example.org"));
        await Host.SignAsync(id, LetterApi.Organization("The Jacob Blaustein Institute for the Advancement of Human Rights"));
        await Host.SignAsync(id, LetterApi.Organization("=HYPERLINK(\"http://evil\")"));
        await Host.LifecycleAsync(id, "close");
        await Host.LifecycleAsync(id, "finalize");
        return id;
    }

    [Fact]
    public async Task the_docx_has_date_addressee_subject_body_closing_and_the_block_in_order()
    {
        var id = await FinalLetterAsync();
        var result = await Host.Scenario(x => { x.Get.Url($"/api/letters/{id}/export.docx"); x.StatusCodeShouldBe(200); });
        result.Context.Response.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText).ToList();
        // the date printed is the day the letter was finalized
        paragraphs[0].ShouldBe(Fixture.Clock.GetUtcNow().ToString("MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture));
        paragraphs.ShouldContain("The Honorable Mike Pompeo");
        paragraphs.ShouldContain("U.S. membership of the UN Human Rights Council");
        paragraphs.ShouldContain("We ask you to review the decision.");
        var block = paragraphs.SkipWhile(p => p != "Sincerely,").Skip(1).Take(3).ToList();
        block.ShouldBe(["=HYPERLINK(\"http://evil\")", "The Jacob Blaustein Institute for the Advancement of Human Rights", "Roberta Cohen, Co-Chair, HRNK*"]);
    }

    [Fact]
    public async Task the_signatories_csv_is_in_print_order_and_defuses_spreadsheet_formulas()
    {
        var id = await FinalLetterAsync();
        var csv = await Host.GetAsText($"/api/letters/{id}/signatories.csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("position,kind,name,title,affiliation");
        lines[1].ShouldStartWith("1,organization,\"'=HYPERLINK(\"\"http://evil\"\")\"");
        lines[3].ShouldStartWith("3,individual,Roberta Cohen,Co-Chair,HRNK,true,rc@example.org,1,en,false,");
    }

    [Fact]
    public async Task the_print_page_renders_the_final_letter_without_live_markup()
    {
        var id = await FinalLetterAsync();
        var html = await Host.GetAsText($"/letters/{id}/print");
        html.ShouldContain("<strong>review</strong>");
        html.ShouldContain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.ShouldNotContain("<script>alert(1)");
        html.ShouldContain("<li>Roberta Cohen, Co-Chair, HRNK*</li>");
        html.ShouldContain("<link rel=\"stylesheet\" href=\"/print.css\" />"); // a file: the CSP allows no inline <style>
        (await Host.GetAsText("/print.css")).ShouldContain("@media print");
        html.ShouldNotContain("rc@example.org");
        await Host.Scenario(x => { x.Get.Url($"/letters/{Guid.NewGuid()}/print"); x.StatusCodeShouldBe(404); });
    }
}
