using CampaignManager.Letters;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CampaignManager.Signatures;

/// <summary>
/// The letter as a Word document, for coalitions that still circulate .docx: date, addressee block, subject, body
/// (its Markdown as Word headings, lists, links, tables and formatting: <see cref="MarkdownDocx"/>), closing and the
/// ordered signatory block. In
/// Signatures, as every view of the letter with its signatory block is (see <see cref="LetterDetails"/>).
/// </summary>
public static class LetterDocx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [WolverineGet("/api/letters/{id}/export.docx", Name = "ExportLetterDocx")]
    [EndpointSummary("The letter as a Word document, signatory block in order; ?unconfirmed=mark|omit for unconfirmed public signatures, ?language= for one of its translations")]
    [Tags("Exports")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, string? unconfirmed, string? language, IQuerySession session, CancellationToken token) =>
        !UnconfirmedInPrint.IsValid(unconfirmed) ? Results.Problem(UnconfirmedInPrint.Invalid())
        : await LetterDetails.ExportAsync(session, id, whole =>
        {
            if (LanguageInPrint.Validate(whole, language) is var problem && !problem.IsNone()) return Results.Problem(problem);
            var (text, printed) = LanguageInPrint.Apply(whole, language);
            var details = UnconfirmedInPrint.Apply(text, unconfirmed);
            return Results.File(Render(details, details.FinalizedAt ?? details.LastChangedAt, printed), ContentType, FileName(details.Title, "docx"));
        }, token);

    /// <summary><paramref name="printed"/>: the language of the text in <paramref name="letter"/>, and its stale mark if any.</summary>
    public static byte[] Render(LetterDetails letter, DateTimeOffset date, LanguageInPrint.Printed? printed = null)
    {
        var language = printed?.Language ?? letter.SourceLanguage;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            DocxStyles.AddTo(main);
            var markdown = new MarkdownDocx(main);
            var body = new Body();
            if (printed?.StaleNote is { } stale) body.Append(Paragraph(stale, bold: true, italic: true));
            body.Append(Paragraph(LanguageInPrint.DateLine(date, language)));
            foreach (var a in letter.Addressees)
                foreach (var line in new[] { a.Name, a.Title, a.Organization, a.Address }.Where(x => !string.IsNullOrWhiteSpace(x)))
                    body.Append(Paragraph(line!));
            body.Append(Paragraph(""));
            body.Append(Paragraph(letter.Subject, bold: true));
            body.Append(markdown.Body(letter.Body));
            body.Append(Paragraph(letter.Closing));
            foreach (var s in letter.Signatories) body.Append(Paragraph(s.BlockLine(letter.Status)));
            if (letter.Signatories.Any(s => s.AffiliationForIdentificationOnly))
                body.Append(Paragraph(LanguageInPrint.IdentificationOnlyNote(language), italic: true));
            markdown.Finish();
            // a right-to-left text (Arabic) reads from the right in Word too: every paragraph, the body's included
            if (Letters.Languages.RightToLeft(language))
                foreach (var p in body.Descendants<Paragraph>())
                    (p.ParagraphProperties ??= new ParagraphProperties()).BiDi = new BiDi();
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    public static string FileName(string title, string extension) =>
        new string(title.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-') is { Length: > 0 } name
            ? $"{name[..Math.Min(80, name.Length)]}.{extension}"
            : $"letter.{extension}";

    private static Paragraph Paragraph(string text, bool bold = false, bool italic = false) =>
        new(Run(text, bold, italic));

    private static Run Run(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold());
            if (italic) properties.Append(new Italic());
            run.Append(properties);
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }
}
