using CampaignManager.Tests.Appeals;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using DocumentFormat.OpenXml.Packaging;
using MimeKit;

namespace CampaignManager.Tests.Letters;

/// <summary>
/// An image in the letter's Markdown would be fetched by every signer's browser and every recipient's mail client: a
/// tracking pixel. Wherever the letter is rendered, the image is dropped and its alt text stays.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class dropping_markdown_images(AppFixture fixture) : IntegrationContext(fixture)
{
    public const string Body = "Dear Secretary,\n\nWe ask you to stay. ![a pixel](https://tracker.example/pixel.png)\n\n" +
                               "[![linked pixel](https://tracker.example/linked.png)](https://example.org/more) and ![ref pixel][t]\n\n" +
                               "[t]: https://tracker.example/ref.png";

    [Fact]
    public async Task the_staff_views_print_preview_history_public_page_and_docx_carry_no_image()
    {
        var id = await Host.DraftAsync(body: Body);
        await Host.LifecycleAsync(id, "open");
        var pages = new[] { $"/letters/{id}", $"/letters/{id}/print", $"/letters/{id}/history",
            $"/letters/{id}/history?asOf={Uri.EscapeDataString(Fixture.Clock.GetUtcNow().ToString("O"))}", (await Host.LetterAsync(id)).PublicSignOnUrl! };

        foreach (var page in pages)
        {
            var html = await Host.GetAsText(page);
            html.ShouldNotContain("<img", customMessage: page);
            html.ShouldNotContain("tracker.example/pixel.png", customMessage: page);
            if (!page.EndsWith("/history")) html.ShouldContain("a pixel", customMessage: page); // history shows a body only as of a moment
        }
        var preview = await Host.Scenario(x => x.Post.Json(new PreviewLetter(Body)).ToUrl("/api/letters/preview"));
        preview.ReadAsJson<LetterPreview>()!.Html.ShouldNotContain("<img");
        (await DocxTextAsync(id)).ShouldSatisfyAllConditions(
            t => t.ShouldNotContain("tracker.example/pixel.png"), t => t.ShouldNotContain("!["), t => t.ShouldContain("a pixel"));
    }

    [Fact]
    public void an_appeal_email_carries_no_image_in_its_html_or_its_text()
    {
        var message = AppealEmail.Render(rendering_an_appeal_email.Content() with { MarkdownBody = Body },
            new MailboxAddress("Coalition Appeals", "appeals@example.org"));

        var (html, text) = (message.HtmlBody.ShouldNotBeNull(), message.TextBody.ShouldNotBeNull());
        html.ShouldNotContain("<img");
        html.ShouldContain("linked pixel");
        html.ShouldContain("href=\"https://example.org/more\"", customMessage: "the link around an image stays a link");
        text.ShouldNotContain("tracker.example/pixel.png");
        text.ShouldNotContain("tracker.example/linked.png");
        text.ShouldContain("We ask you to stay. a pixel");
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
