namespace CampaignManager.Targets;

/// <summary>One data row as typed; <see cref="Problem"/> is set when the row itself could not be read.</summary>
public record TargetCsvRow(
    int Row, string? Name = null, string? Title = null, string? Organization = null, string? Email = null,
    string? Address = null, string? Country = null, string? Tags = null, string? Problem = null);

/// <summary>
/// Reads the import file. A file whose header is not ours is refused as a whole (<see cref="Error"/>): its rows
/// would all be misread. Otherwise each row stands alone, and a bad row is reported, not fatal.
/// Row numbers count the header as row 1, as a spreadsheet shows them.
/// </summary>
public record TargetCsv(IReadOnlyList<TargetCsvRow> Rows, string? Error)
{
    public const int MaxRows = CsvTable.MaxRows;
    public static readonly string[] Columns = ["name", "title", "organization", "email", "address", "country", "tags"];

    public static TargetCsv Parse(string text)
    {
        var table = CsvTable.Parse(text, Columns, ["name"]);
        return new TargetCsv(table.Rows.Select(r => r.Problem is not null
            ? new TargetCsvRow(r.Row, Problem: r.Problem)
            : new TargetCsvRow(r.Row, r["name"], r["title"], r["organization"], r["email"], r["address"], r["country"], r["tags"])).ToList(),
            table.Error);
    }
}
