using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>The signatory block as CSV, in print order, for staff spreadsheets and mail merges.</summary>
public static class SignatoriesCsv
{
    [WolverineGet("/api/letters/{id}/signatories.csv", Name = "ExportSignatoriesCsv")]
    [EndpointSummary("The signatories as CSV, in the order they print")]
    [Tags("Exports")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token) =>
        LetterDetails.ExportAsync(session, id, details => Results.File(Encoding.UTF8.GetBytes(Render(details.Signatories)),
            "text/csv; charset=utf-8", LetterDocx.FileName(details.Title + "-signatories", "csv")), token);

    public static string Render(IEnumerable<SignatoryView> signatories)
    {
        var csv = new StringBuilder("position,kind,name,title,affiliation,affiliation_for_identification_only,email,signed_version,needs_reconfirmation,signed_at\r\n");
        var position = 0;
        foreach (var s in signatories)
        {
            csv.AppendJoin(',', new[]
            {
                (++position).ToString(), s.Kind.ToString().ToLowerInvariant(), Field(s.Name), Field(s.Title), Field(s.Affiliation),
                s.AffiliationForIdentificationOnly ? "true" : "false", Field(s.Email), s.SignedVersion.ToString(),
                s.NeedsReconfirmation ? "true" : "false", s.SignedAt.ToString("O")
            }).Append("\r\n");
        }
        return csv.ToString();
    }

    // RFC 4180 quoting, and a leading quote mark on cells a spreadsheet would run as a formula (names come from the public).
    private static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
