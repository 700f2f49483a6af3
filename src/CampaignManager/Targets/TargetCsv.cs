namespace CampaignManager.Targets;

/// <summary>One data row as typed; <see cref="Problem"/> is set when the row itself could not be read.</summary>
public record TargetCsvRow(
    int Row, int Line, string? Name = null, string? Title = null, string? Organization = null, string? Email = null,
    string? Address = null, string? Country = null, string? Tags = null, string? Problem = null);

/// <summary>
/// Reads the import file: our template, or another tool's export mapped by header (see <see cref="CsvHeaders"/>). A
/// file whose header gives no name is refused as a whole (<see cref="Error"/>): its rows would all be misread.
/// Otherwise each row stands alone, and a bad row is reported, not fatal; columns of no use are ignored and reported.
/// Row numbers count the header as row 1, as a spreadsheet shows them; line numbers are the file's own (see
/// <see cref="CsvTableRow"/>).
/// </summary>
public record TargetCsv(IReadOnlyList<TargetCsvRow> Rows, string? Error, IReadOnlyList<string> IgnoredColumns) : ICsvFormat
{
    public const int MaxRows = CsvTable.MaxRows;

    /// <summary>Also what the OpenAPI document and the targets page list (README too: keep them in step).</summary>
    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new("name", false, "the person or office appealed to, such as \"Permanent Mission of Japan to the United Nations\"; or give given_name and family_name",
            ["full_name", "display_name", "target", "recipient"]),
        new("given_name", false, "a person's first name(s): the name is given_name family_name", ["first_name", "firstname", "forename"]),
        new("family_name", false, "a person's last name", ["last_name", "lastname", "surname"]),
        new("title", false, "their title, such as \"Ambassador\"", ["job_title", "position"]),
        new("organization", false, "the government or body they belong to", ["organisation", "government", "institution", "employer", "company"]),
        new("email", false, "where appeals are emailed; a known target with this email is re-used, not registered again",
            ["email_address", "e_mail", "e_mail_address", "mail"]),
        new("address", false, "postal address; quote it to span lines", ["postal_address", "mailing_address", "street_address"]),
        new("country", false, "the country they represent", ["country_name", "nation"]),
        new("tags", false, "labels separated by \";\", such as \"unsc;asia\"", ["labels", "tag"]),
    ];

    private const string Needs =
        "The first line must be a header naming the columns, such as name,title,organization,email,address,country,tags " +
        "(name is required, or given_name and family_name, as first_name and last_name in an export of people; other columns are ignored).";

    public static TargetCsv Parse(string text)
    {
        var table = CsvTable.Parse(text, Columns, present =>
            present.Contains("name") || present.Contains("given_name") || present.Contains("family_name") ? null : Needs);
        return new TargetCsv(table.Rows.Select(r => r.Problem is not null
            ? new TargetCsvRow(r.Row, r.Line, Problem: r.Problem)
            : new TargetCsvRow(r.Row, r.Line, NameOf(r), r["title"], r["organization"], r["email"], r["address"], r["country"], r["tags"])).ToList(),
            table.Error, table.IgnoredColumns);
    }

    private static string? NameOf(CsvTableRow r)
    {
        if (!string.IsNullOrWhiteSpace(r["name"])) return r["name"];
        var parts = new[] { r["given_name"], r["family_name"] }.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return parts.Count == 0 ? r["name"] : string.Join(' ', parts);
    }
}
