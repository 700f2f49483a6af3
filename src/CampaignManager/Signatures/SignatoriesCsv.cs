using CampaignManager.Letters;
using CsvHelper;

namespace CampaignManager.Signatures;

/// <summary>The signatory block as CSV, in print order, for staff spreadsheets and mail merges.</summary>
public static class SignatoriesCsv
{
    public static readonly string[] Columns =
        ["position", "kind", "name", "title", "affiliation", "affiliation_for_identification_only", "email", "signed_version",
         "language", "needs_reconfirmation", "signed_at", "consent_version", "consent_at", "consent_text", "name_withheld"];

    // RFC 4180 quoting by CsvHelper, invariant formats, and a leading quote mark on text a spreadsheet would run as a
    // formula (= + - @, tab, CR): names come from the public. Numbers, booleans and dates are not text, so stay as they are.
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        Injection = CsvInjection.Escape,
        TrueValue = "true",
        FalseValue = "false",
    };

    [WolverineGet("/api/letters/{id}/signatories.csv", Name = "ExportSignatoriesCsv")]
    [EndpointSummary("The signatories as CSV, in the order they print")]
    [Tags("Exports")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token) =>
        LetterDetails.ExportAsync(session, id, details => Results.File(Encoding.UTF8.GetBytes(Render(details.Signatories)),
            "text/csv; charset=utf-8", LetterDocx.FileName(details.Title + "-signatories", "csv")), token);

    public static string Render(IEnumerable<SignatoryView> signatories)
    {
        var text = new StringWriter();
        using (var csv = CsvWriter.Create(text, Options))
        {
            csv.WriteHeader(Columns);
            var position = 0;
            foreach (var s in signatories)
            {
                csv.WriteField(++position, "");
                csv.WriteField(s.Kind.ToString().ToLowerInvariant());
                // a withheld name leaves nothing that identifies the signer in a file that travels (mail merges, partners)
                csv.WriteField(s.NameWithheld ? SignatoryView.Withheld : s.Name);
                csv.WriteField(s.NameWithheld ? null : s.Title);
                csv.WriteField(s.NameWithheld ? null : s.Affiliation);
                csv.WriteField(s.AffiliationForIdentificationOnly && !s.NameWithheld);
                csv.WriteField(s.NameWithheld ? null : s.Email);
                csv.WriteField(s.SignedVersion, "");
                // the language of the text signed, in which signed_version counts
                csv.WriteField(s.Language);
                csv.WriteField(s.NeedsReconfirmation);
                csv.WriteField(s.SignedAt, "O");
                csv.WriteField(s.Consent?.Version);
                if (s.Consent is { } consent) csv.WriteField(consent.At, "O");
                else csv.WriteField((string?)null);
                csv.WriteField(s.Consent?.Text);
                csv.WriteField(s.NameWithheld);
                csv.EndRecord();
            }
        }
        return text.ToString();
    }
}
