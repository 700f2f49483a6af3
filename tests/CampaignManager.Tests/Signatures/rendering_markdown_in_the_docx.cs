using CampaignManager.Letters;
using CampaignManager.Signatures;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// A letter body is Markdown; in the Word file it must be Word: headings in heading styles, lists numbered by Word,
/// links that are hyperlinks, tables that are tables, and no Markdown punctuation left in the text.
/// </summary>
public class rendering_markdown_in_the_docx
{
    private const string Body = """
        ## What we ask

        We ask you to **stay** on the *Council*, as [our statement](https://example.org/statement?a=1&b=2) explains.

        - Remain a member
        - Seek reform from within

        1. Attend the June session
        2. Vote on the resolution

        | Country | Vote |
        |---------|:----:|
        | Norway  | yes  |
        | Cuba    | no   |

        > The Council is the only body that can act.

        3. Report back
        """;

    [Fact]
    public void headings_lists_links_and_tables_become_word_structure_with_no_markdown_left()
    {
        using var document = Render(Body);
        var main = document.MainDocumentPart!;
        var body = main.Document.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();

        paragraphs.Single(p => p.InnerText == "What we ask").ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Heading2");
        main.StyleDefinitionsPart!.Styles!.Elements<Style>().ShouldContain(s => s.StyleId! == "Heading2");

        ListItems(main, paragraphs, NumberFormatValues.Bullet).ShouldBe(["Remain a member", "Seek reform from within"]);
        ListItems(main, paragraphs, NumberFormatValues.Decimal).ShouldBe(["Attend the June session", "Vote on the resolution", "Report back"]);
        StartOf(main, paragraphs.Single(p => p.InnerText == "Report back")).ShouldBe(3, "a list starting at 3 starts there, not after the last list");

        var link = body.Descendants<Hyperlink>().ShouldHaveSingleItem();
        link.InnerText.ShouldBe("our statement");
        main.HyperlinkRelationships.Single(r => r.Id == link.Id).Uri.ToString().ShouldBe("https://example.org/statement?a=1&b=2");

        var ask = paragraphs.Single(p => p.InnerText.StartsWith("We ask you to stay"));
        ask.InnerText.ShouldBe("We ask you to stay on the Council, as our statement explains.");
        ask.Descendants<Run>().Single(r => r.InnerText == "stay").RunProperties!.Bold.ShouldNotBeNull();
        ask.Descendants<Run>().Single(r => r.InnerText == "Council").RunProperties!.Italic.ShouldNotBeNull();

        var table = body.Elements<Table>().ShouldHaveSingleItem();
        table.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())
            .ShouldBe([["Country", "Vote"], ["Norway", "yes"], ["Cuba", "no"]]);
        table.Elements<TableRow>().First().TableRowProperties!.GetFirstChild<TableHeader>().ShouldNotBeNull();

        paragraphs.Single(p => p.InnerText == "The Council is the only body that can act.")
            .ParagraphProperties!.ParagraphStyleId!.Val!.Value.ShouldBe("Quote");

        foreach (var marker in new[] { "## ", "- ", "|", "](", "**", "> " })
            paragraphs.ShouldAllBe(p => !p.InnerText.Contains(marker), $"no paragraph shows the Markdown marker \"{marker}\"");
        new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ShouldBeEmpty();
    }

    [Fact]
    public void a_link_to_anything_but_a_web_or_mail_address_is_only_text()
    {
        using var document = Render("See [this](javascript:alert(1)) and <https://example.org> and <press@example.org>.");
        var main = document.MainDocumentPart!;

        main.Document.Body!.Descendants<Paragraph>().ShouldContain(p => p.InnerText == "See this and https://example.org and press@example.org.");
        main.Document.Body!.Descendants<Hyperlink>().Select(h => main.HyperlinkRelationships.Single(r => r.Id == h.Id).Uri.ToString())
            .ShouldBe(["https://example.org/", "mailto:press@example.org"]);
    }

    private static WordprocessingDocument Render(string body)
    {
        var drafted = new LetterDrafted(Guid.NewGuid(), "HRC withdrawal", "Reconsider the withdrawal", body, "Sincerely,",
            [new Addressee("Mike Pompeo", "Secretary of State")], "maria", new DateTimeOffset(2018, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var letter = LetterDetails.Build(Letter.Fold([drafted])!, []);
        return WordprocessingDocument.Open(new MemoryStream(LetterDocx.Render(letter, drafted.At)), false);
    }

    private static AbstractNum FormatOf(MainDocumentPart main, Paragraph p)
    {
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        var numId = p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        var abstractId = numbering.Elements<NumberingInstance>().Single(n => n.NumberID! == numId).AbstractNumId!.Val!.Value;
        return numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId! == abstractId);
    }

    private static IEnumerable<string> ListItems(MainDocumentPart main, IEnumerable<Paragraph> paragraphs, NumberFormatValues format) =>
        paragraphs.Where(p => p.ParagraphProperties?.NumberingProperties is not null)
            .Where(p => FormatOf(main, p).Elements<Level>().First().NumberingFormat!.Val!.Value == format)
            .Select(p => p.InnerText);

    private static int StartOf(MainDocumentPart main, Paragraph p)
    {
        var numId = p.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
        return main.NumberingDefinitionsPart!.Numbering!.Elements<NumberingInstance>().Single(n => n.NumberID! == numId)
            .Elements<LevelOverride>().Single().StartOverrideNumberingValue!.Val!.Value;
    }
}
