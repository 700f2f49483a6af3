using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampaignManager.Signatures;

/// <summary>
/// The named styles and list formats the letter's Word document uses, so that a heading is a Word heading (in the
/// navigation pane, restyled with the document) and a list is a Word list, not characters that look like one.
/// </summary>
internal static class DocxStyles
{
    public const string Quote = "Quote", Code = "Code", ListParagraph = "ListParagraph", Hyperlink = "Hyperlink", TableGrid = "TableGrid";
    public const int BulletList = 1, NumberedList = 2;
    private const int Levels = 9;

    public static string Heading(int level) => $"Heading{Math.Clamp(level, 1, 6)}";

    public static void AddTo(MainDocumentPart main)
    {
        var styles = new Styles(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        {
            Type = StyleValues.Paragraph, StyleId = "Normal", Default = true
        });
        // sizes in half-points, as Word's own heading styles step them
        int[] sizes = [32, 28, 26, 24, 22, 22];
        for (var level = 1; level <= 6; level++)
            styles.Append(ParagraphStyle(Heading(level), $"heading {level}",
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" },
                    new OutlineLevel { Val = level - 1 }),
                new StyleRunProperties(new Bold(), new FontSize { Val = sizes[level - 1].ToString() })));
        styles.Append(
            ParagraphStyle(Quote, "Quote", new StyleParagraphProperties(new Indentation { Left = "720", Right = "720" }),
                new StyleRunProperties(new Italic())),
            ParagraphStyle(Code, "Code", new StyleParagraphProperties(new SpacingBetweenLines { After = "0" }),
                new StyleRunProperties(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New" }, new FontSize { Val = "20" })),
            ParagraphStyle(ListParagraph, "List Paragraph", new StyleParagraphProperties(new ContextualSpacing()), null),
            new Style(new StyleName { Val = "Hyperlink" },
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            {
                Type = StyleValues.Character, StyleId = Hyperlink
            },
            new Style(new StyleName { Val = "Table Grid" }, new StyleTableProperties(new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })))
            {
                Type = StyleValues.Table, StyleId = TableGrid
            });
        main.AddNewPart<StyleDefinitionsPart>().Styles = styles;
    }

    /// <summary>The two list formats (bullets, and 1. 2. 3.) and one numbering instance per list, each from its start.</summary>
    public static void AddNumbering(MainDocumentPart main, IReadOnlyList<NumberingInstance> lists)
    {
        if (lists.Count == 0) return;
        var numbering = new Numbering(
            new AbstractNum(Enumerable.Range(0, Levels).Select(l => Level(l, NumberFormatValues.Bullet, ((string[])["•", "◦", "▪"])[l % 3])))
                { AbstractNumberId = BulletList },
            new AbstractNum(Enumerable.Range(0, Levels).Select(l => Level(l, NumberFormatValues.Decimal, $"%{l + 1}.")))
                { AbstractNumberId = NumberedList });
        numbering.Append(lists);
        main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
    }

    private static Level Level(int level, NumberFormatValues format, string text) => new(
        new StartNumberingValue { Val = 1 },
        new NumberingFormat { Val = format },
        new LevelText { Val = text },
        new LevelJustification { Val = LevelJustificationValues.Left },
        new PreviousParagraphProperties(new Indentation { Left = (720 * (level + 1)).ToString(), Hanging = "360" }))
    {
        LevelIndex = level
    };

    private static Style ParagraphStyle(string id, string name, StyleParagraphProperties paragraph, StyleRunProperties? run)
    {
        var style = new Style(new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(), paragraph) { Type = StyleValues.Paragraph, StyleId = id };
        if (run is not null) style.Append(run);
        return style;
    }
}
