namespace CampaignManager.Targets;

/// <summary>One data row as typed; <see cref="Problem"/> is set when the row itself could not be read.</summary>
public record TargetCsvRow(
    int Row, int Line, string? Name = null, string? Title = null, string? Organization = null, string? Email = null,
    string? Address = null, string? Country = null, string? Tags = null, string? Problem = null);

/// <summary>
/// Reads the import file. A file whose header is not ours is refused as a whole (<see cref="Error"/>): its rows
/// would all be misread. Otherwise each row stands alone, and a bad row is reported, not fatal.
/// Row numbers count the header as row 1, as a spreadsheet shows them; line numbers are the file's own (see
/// <see cref="CsvTableRow"/>).
/// </summary>
public record TargetCsv(IReadOnlyList<TargetCsvRow> Rows, string? Error) : ICsvFormat
{
    public const int MaxRows = CsvTable.MaxRows;

    /// <summary>Also what the OpenAPI document and the targets page list (README too: keep them in step).</summary>
    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new("name", true, "the person or office appealed to, such as \"Permanent Mission of Japan to the United Nations\""),
        new("title", false, "their title, such as \"Ambassador\""),
        new("organization", false, "the government or body they belong to"),
        new("email", false, "where appeals are emailed; a known target with this email is re-used, not registered again"),
        new("address", false, "postal address; quote it to span lines"),
        new("country", false, "the country they represent"),
        new("tags", false, "labels separated by \";\", such as \"unsc;asia\""),
    ];

    public static TargetCsv Parse(string text)
    {
        var table = CsvTable.Parse(text, Columns);
        return new TargetCsv(table.Rows.Select(r => r.Problem is not null
            ? new TargetCsvRow(r.Row, r.Line, Problem: r.Problem)
            : new TargetCsvRow(r.Row, r.Line, r["name"], r["title"], r["organization"], r["email"], r["address"], r["country"], r["tags"])).ToList(),
            table.Error);
    }
}
