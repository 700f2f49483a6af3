using CampaignManager.Letters;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;
using WordTableRow = DocumentFormat.OpenXml.Wordprocessing.TableRow;
using WordTableCell = DocumentFormat.OpenXml.Wordprocessing.TableCell;

namespace CampaignManager.Signatures;

/// <summary>
/// The letter body in Word, rendered from the same Markdown syntax tree as its HTML (<see cref="LetterMarkdown.Parse"/>:
/// no images, no unsafe links): headings in heading styles, lists as Word lists, emphasis as run formatting, links as
/// hyperlinks, tables as tables. Text goes into Text elements, never parsed as markup. Call <see cref="Finish"/> once
/// the body is written: the lists' numbering goes into its own part.
/// </summary>
internal sealed class MarkdownDocx(MainDocumentPart main)
{
    private readonly List<NumberingInstance> lists = [];

    private readonly record struct Format(bool Bold = false, bool Italic = false, bool Strike = false, bool Underline = false,
        bool Highlight = false, bool Code = false, bool Link = false, VerticalPositionValues? Position = null);

    // Where a block stands: how deep in lists (its indent), inside a quote, and the format its text starts with.
    private readonly record struct Where(int Depth, bool Quote, Format Text);

    public IEnumerable<OpenXmlElement> Body(string markdown) => Blocks(LetterMarkdown.Parse(markdown), new Where(0, false, new Format()));

    public void Finish() => DocxStyles.AddNumbering(main, lists);

    private IEnumerable<OpenXmlElement> Blocks(ContainerBlock container, Where where) => container.SelectMany(b => Block(b, where));

    private IEnumerable<OpenXmlElement> Block(Block block, Where where) => block switch
    {
        HeadingBlock h => [Paragraph(where, Inlines(h.Inline, where.Text), DocxStyles.Heading(h.Level))],
        ParagraphBlock p => [Paragraph(where, Inlines(p.Inline, where.Text))],
        ListBlock list => List(list, where),
        QuoteBlock q => Blocks(q, where with { Quote = true }),
        CodeBlock code => [Paragraph(where, CodeLines(code), style: DocxStyles.Code)],
        ThematicBreakBlock => [new Paragraph(new ParagraphProperties(new ParagraphBorders(
            new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1 })))],
        Markdig.Extensions.Tables.Table table => [Table(table, where)],
        LinkReferenceDefinitionGroup or BlankLineBlock => [],
        ContainerBlock other => Blocks(other, where),
        LeafBlock leaf => [Paragraph(where, [Run(leaf.Lines.ToString(), where.Text)])],
        _ => []
    };

    private IEnumerable<OpenXmlElement> List(ListBlock list, Where where)
    {
        var numId = lists.Count + 1;
        var instance = new NumberingInstance(new AbstractNumId { Val = list.IsOrdered ? DocxStyles.NumberedList : DocxStyles.BulletList })
            { NumberID = numId };
        // a new instance of the same list format would go on counting from the last list; each list starts afresh
        if (list.IsOrdered)
            instance.Append(new LevelOverride(new StartOverrideNumberingValue { Val = int.TryParse(list.OrderedStart, out var s) ? s : 1 })
                { LevelIndex = where.Depth });
        lists.Add(instance);
        foreach (var item in list.OfType<ListItemBlock>())
        {
            var numbered = new NumberingProperties(new NumberingLevelReference { Val = where.Depth }, new NumberingId { Val = numId });
            var rest = item.AsEnumerable();
            if (item.FirstOrDefault() is ParagraphBlock first)
            {
                yield return Paragraph(where, Inlines(first.Inline, where.Text), DocxStyles.ListParagraph, numbered);
                rest = rest.Skip(1);
            }
            else yield return Paragraph(where, [], DocxStyles.ListParagraph, numbered);
            // the item's further paragraphs and lists sit under its text, one level in
            foreach (var element in rest.SelectMany(b => Block(b, where with { Depth = where.Depth + 1 }))) yield return element;
        }
    }

    private WordTable Table(Markdig.Extensions.Tables.Table table, Where where)
    {
        var columns = Math.Max(1, table.OfType<Markdig.Extensions.Tables.TableRow>().Select(r => r.Count).DefaultIfEmpty(1).Max());
        var width = (9000 / columns).ToString();
        var word = new WordTable(
            new TableProperties(new TableStyle { Val = DocxStyles.TableGrid }, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }),
            new TableGrid(Enumerable.Range(0, columns).Select(_ => new GridColumn { Width = width })));
        foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            var wordRow = new WordTableRow();
            if (row.IsHeader) wordRow.Append(new TableRowProperties(new TableHeader()));
            var cellWhere = new Where(0, false, where.Text with { Bold = where.Text.Bold || row.IsHeader });
            for (var i = 0; i < columns; i++)
            {
                var paragraphs = i < row.Count ? Blocks((ContainerBlock)row[i], cellWhere).ToList() : [];
                if (paragraphs.Count == 0) paragraphs.Add(new Paragraph());
                var align = i < table.ColumnDefinitions.Count ? table.ColumnDefinitions[i].Alignment : null;
                if (align is TableColumnAlign.Center or TableColumnAlign.Right)
                    foreach (var p in paragraphs.OfType<Paragraph>())
                        (p.ParagraphProperties ??= new ParagraphProperties()).Append(new Justification
                            { Val = align == TableColumnAlign.Center ? JustificationValues.Center : JustificationValues.Right });
                wordRow.Append(new WordTableCell(
                    paragraphs.Prepend(new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width }))));
            }
            word.Append(wordRow);
        }
        return word;
    }

    private static Paragraph Paragraph(Where where, IEnumerable<OpenXmlElement> content, string? style = null,
        NumberingProperties? numbering = null)
    {
        style ??= where.Quote ? DocxStyles.Quote : where.Depth > 0 ? DocxStyles.ListParagraph : null;
        var properties = new ParagraphProperties();
        if (style is not null) properties.Append(new ParagraphStyleId { Val = style });
        if (numbering is not null) properties.Append(numbering);
        else if (where.Depth > 0) properties.Append(new Indentation { Left = (720 * where.Depth + (where.Quote ? 720 : 0)).ToString() });
        return new Paragraph(properties.HasChildren ? content.Prepend(properties) : content);
    }

    private static IEnumerable<OpenXmlElement> CodeLines(LeafBlock code)
    {
        var lines = code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) yield return new Run(new Break());
            yield return Run(lines[i], new Format());
        }
    }

    private IEnumerable<OpenXmlElement> Inlines(ContainerInline? container, Format format) =>
        container is null ? [] : container.SelectMany(i => Inline(i, format));

    private IEnumerable<OpenXmlElement> Inline(Inline inline, Format f) => inline switch
    {
        LiteralInline l => [Run(l.Content.ToString(), f)],
        EmphasisInline e => Inlines(e, Emphasis(e, f)),
        CodeInline c => [Run(c.Content, f with { Code = true })],
        LineBreakInline b => b.IsHard ? [new Run(new Break())] : [Run(" ", f)],
        HtmlEntityInline entity => [Run(entity.Transcoded.ToString(), f)],
        HtmlInline html => [Run(html.Tag, f)],
        AutolinkInline a when External(a.IsEmail ? "mailto:" + a.Url : a.Url) is { } uri => [Link(uri, [Run(a.Url, f with { Link = true })])],
        AutolinkInline a => [Run(a.Url, f)],
        LinkInline link when External(link.Url) is { } uri => [Link(uri, Inlines(link, f with { Link = true }))],
        ContainerInline other => Inlines(other, f),
        _ => []
    };

    // *x* and _x_ italic, doubled bold; ~~x~~ struck out, ~x~ and ^x^ sub- and superscript, ++x++ inserted, ==x== marked
    private static Format Emphasis(EmphasisInline e, Format f) => (e.DelimiterChar, e.DelimiterCount) switch
    {
        ('*' or '_', >= 2) => f with { Bold = true },
        ('*' or '_', _) => f with { Italic = true },
        ('~', >= 2) => f with { Strike = true },
        ('~', _) => f with { Position = VerticalPositionValues.Subscript },
        ('^', _) => f with { Position = VerticalPositionValues.Superscript },
        ('+', _) => f with { Underline = true },
        ('=', _) => f with { Highlight = true },
        _ => f
    };

    // LetterMarkdown.Parse left only web and mail addresses; the rest ("#") is shown as its text alone
    private static Uri? External(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : null;

    private Hyperlink Link(Uri uri, IEnumerable<OpenXmlElement> content) =>
        new(content) { Id = main.AddHyperlinkRelationship(uri, true).Id, History = true };

    private static Run Run(string text, Format f)
    {
        var properties = new RunProperties();
        if (f.Link) properties.Append(new RunStyle { Val = DocxStyles.Hyperlink });
        if (f.Code) properties.Append(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New" });
        if (f.Bold) properties.Append(new Bold());
        if (f.Italic) properties.Append(new Italic());
        if (f.Strike) properties.Append(new Strike());
        if (f.Highlight) properties.Append(new Highlight { Val = HighlightColorValues.Yellow });
        if (f.Underline) properties.Append(new Underline { Val = UnderlineValues.Single });
        if (f.Position is { } position) properties.Append(new VerticalTextAlignment { Val = position });
        var run = new Run();
        if (properties.HasChildren) run.Append(properties);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }
}
