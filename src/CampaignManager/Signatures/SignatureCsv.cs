namespace CampaignManager.Signatures;

/// <summary>One data row as typed; <see cref="Problem"/> is set when the row itself could not be read.</summary>
public record SignatureCsvRow(
    int Row, string? Kind = null, string? Name = null, string? Title = null, string? Affiliation = null,
    string? IdentificationOnly = null, string? Email = null, string? Problem = null, string? FamilyName = null, string? SignedOn = null);

/// <summary>
/// Reads a sign-on import file. A file whose header is not ours is refused as a whole (<see cref="Error"/>): its rows
/// would all be misread. Otherwise each row stands alone. Row numbers count the header as row 1, as spreadsheets do.
/// </summary>
public record SignatureCsv(IReadOnlyList<SignatureCsvRow> Rows, string? Error) : ICsvFormat
{
    public const int MaxRows = CsvTable.MaxRows;

    /// <summary>Also what the OpenAPI document lists for the import.</summary>
    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new("kind", true, "\"organization\" or \"individual\""),
        new("name", true, "the organization's name, or the person's as it should print"),
        new("title", false, "the person's title, such as \"Co-Chair\""),
        new("affiliation", false, "the person's organization (individuals only)"),
        new("affiliation_for_identification_only", false, "true (or yes, 1, x) to print the affiliation with \"*\": for identification only"),
        new("email", false, "for re-confirmation emails after a revision; never printed"),
        new("family_name", false, "the part of an individual's name to file them under, when not the last word"),
        new("signed_on", false, "yyyy-MM-dd, for a signature given earlier than the import"),
    ];

    public static SignatureCsv Parse(string text)
    {
        var table = CsvTable.Parse(text, Columns);
        return new SignatureCsv(table.Rows.Select(r => r.Problem is not null
            ? new SignatureCsvRow(r.Row, Problem: r.Problem)
            : new SignatureCsvRow(r.Row, r["kind"], r["name"], r["title"], r["affiliation"], r["affiliation_for_identification_only"], r["email"],
                FamilyName: r["family_name"], SignedOn: r["signed_on"])).ToList(),
            table.Error);
    }
}
