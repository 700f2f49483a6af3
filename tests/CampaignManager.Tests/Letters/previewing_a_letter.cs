using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

[Collection(LettersUiCollection.Name)]
public class previewing_a_letter(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_preview_renders_markdown_as_the_letter_will_show_it()
    {
        var result = await Scenario(x => x.Post.Json(new { markdown = "We **urge** you to [read this](https://example.org)." })
            .ToUrl("/api/letters/preview"));

        var html = result.ReadAsJson<LetterPreview>()!.Html;
        html.ShouldContain("<strong>urge</strong>");
        html.ShouldContain("<a href=\"https://example.org\">read this</a>");
    }

    [Fact]
    public async Task the_preview_escapes_raw_html_and_neutralizes_script_links()
    {
        var result = await Scenario(x => x.Post.Json(new { markdown = "<script>alert(1)</script>\n\n[click](javascript:alert(2))" })
            .ToUrl("/api/letters/preview"));

        var html = result.ReadAsJson<LetterPreview>()!.Html;
        html.ShouldNotContain("<script>");
        html.ShouldContain("&lt;script&gt;");
        html.ShouldNotContain("javascript:");
    }

    [Fact]
    public async Task a_body_longer_than_a_letter_may_be_is_a_field_error()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { markdown = new string('a', 100_001) }).ToUrl("/api/letters/preview");
            x.StatusCodeShouldBe(400);
        });
        result.ReadAsText().ShouldContain("\"markdown\"");
    }
}
