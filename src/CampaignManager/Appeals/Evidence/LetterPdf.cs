using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CampaignManager.Appeals.Evidence;

/// <summary>
/// The letter as the recipient received it, as a PDF: the text part of the very message the relay accepted (cover
/// message, date, addressee, subject, body, closing, signatory block), laid out line by line. Nothing is added to it.
/// </summary>
public static class LetterPdf
{
    private const double Margin = 56, FontSize = 10.5, LineHeight = 14.5;

    public static byte[] Render(string text, string title)
    {
        LetterFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var font = new XFont(LetterFonts.Family, FontSize);
        PdfPage? page = null;
        XGraphics? graphics = null;
        double y = 0;
        foreach (var line in Wrap(text.Replace("\r\n", "\n").Split('\n'), font))
        {
            if (graphics is null || y + LineHeight > page!.Height.Point - Margin)
            {
                graphics?.Dispose();
                page = document.AddPage();
                graphics = XGraphics.FromPdfPage(page);
                y = Margin;
            }
            graphics.DrawString(line, font, XBrushes.Black, new XPoint(Margin, y + FontSize));
            y += LineHeight;
        }
        graphics?.Dispose();
        if (document.PageCount == 0) document.AddPage();
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>Breaks each paragraph line at spaces to the page's width (A4 less margins), measured in the font.</summary>
    private static IEnumerable<string> Wrap(IEnumerable<string> lines, XFont font)
    {
        var width = XUnit.FromMillimeter(210).Point - 2 * Margin;
        using var measure = XGraphics.CreateMeasureContext(new XSize(width, 100), XGraphicsUnit.Point, XPageDirection.Downwards);
        foreach (var line in lines)
        {
            var current = "";
            foreach (var word in line.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length > 0 && measure.MeasureString(candidate, font).Width > width)
                {
                    yield return current;
                    current = word;
                }
                else current = candidate;
            }
            yield return current;
        }
    }
}

/// <summary>
/// PDFsharp's core build finds no fonts on Linux by itself: it is given DejaVu Serif (Debian's fonts-dejavu-core, which
/// covers Latin, Greek and Cyrillic names in signatory blocks) from the system's font folder.
/// </summary>
public sealed class LetterFonts : IFontResolver
{
    public const string Family = "DejaVu Serif";
    private static readonly string[] Folders = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/TTF", "/usr/share/fonts/dejavu"];
    private static readonly Lock Installing = new();

    public static void Install()
    {
        lock (Installing)
        {
            if (GlobalFontSettings.FontResolver is LetterFonts) return;
            GlobalFontSettings.FontResolver = new LetterFonts();
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "DejaVuSerif-Bold" : "DejaVuSerif");

    public byte[]? GetFont(string faceName) =>
        Folders.Select(f => Path.Combine(f, faceName + ".ttf")).FirstOrDefault(File.Exists) is { } path
            ? File.ReadAllBytes(path)
            : throw new InvalidOperationException($"{faceName}.ttf was not found in {string.Join(", ", Folders)}: install fonts-dejavu-core");
}
