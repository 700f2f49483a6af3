namespace CampaignManager.Signatures;

/// <summary>One data row as typed; <see cref="Problem"/> is set when the row itself could not be read.</summary>
public record SignatureCsvRow(
    int Row, string? Kind = null, string? Name = null, string? Title = null, string? Affiliation = null,
    string? IdentificationOnly = null, string? Email = null, string? Problem = null, string? FamilyName = null, string? SignedOn = null);

/// <summary>
/// Reads a sign-on import file. A file whose header is not ours is refused as a whole (<see cref="Error"/>): its rows
/// would all be misread. Otherwise each row stands alone. Row numbers count the header as row 1, as spreadsheets do.
/// </summary>
public record SignatureCsv(IReadOnlyList<SignatureCsvRow> Rows, string? Error)
{
    public const int MaxRows = CsvTable.MaxRows;
    public static readonly string[] Columns =
        ["kind", "name", "title", "affiliation", "affiliation_for_identification_only", "email", "family_name", "signed_on"];

    public static SignatureCsv Parse(string text)
    {
        var table = CsvTable.Parse(text, Columns, ["kind", "name"]);
        return new SignatureCsv(table.Rows.Select(r => r.Problem is not null
            ? new SignatureCsvRow(r.Row, Problem: r.Problem)
            : new SignatureCsvRow(r.Row, r["kind"], r["name"], r["title"], r["affiliation"], r["affiliation_for_identification_only"], r["email"],
                FamilyName: r["family_name"], SignedOn: r["signed_on"])).ToList(),
            table.Error);
    }
}
