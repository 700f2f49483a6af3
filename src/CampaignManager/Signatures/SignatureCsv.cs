namespace CampaignManager.Signatures;

/// <summary>
/// One data row as typed; <see cref="Problem"/> is set when the row itself could not be read. <see cref="Kind"/> is
/// "individual" for a file that has no kind column but gives people's names in parts (an export of people).
/// </summary>
public record SignatureCsvRow(
    int Row, string? Kind = null, string? Name = null, string? Title = null, string? Affiliation = null,
    string? IdentificationOnly = null, string? Email = null, string? Problem = null, string? FamilyName = null, string? SignedOn = null);

/// <summary>
/// Reads a sign-on import file: our own template, or an export of people from another tool (Action Network's has
/// first_name, last_name and email), mapped by header (see <see cref="CsvHeaders"/>). A file whose header gives no
/// name is refused as a whole (<see cref="Error"/>): its rows would all be misread. Otherwise each row stands alone.
/// Row numbers count the header as row 1, as spreadsheets do.
/// </summary>
public record SignatureCsv(IReadOnlyList<SignatureCsvRow> Rows, string? Error, IReadOnlyList<string> IgnoredColumns) : ICsvFormat
{
    public const int MaxRows = CsvTable.MaxRows;

    /// <summary>Also what the OpenAPI document lists for the import.</summary>
    public static IReadOnlyList<CsvColumn> Columns { get; } =
    [
        new("kind", false, "\"organization\" or \"individual\"; required with a name column, and taken as \"individual\" when names come as given_name and family_name",
            ["type", "signatory_type", "signer_type"]),
        new("name", false, "the organization's name, or the person's as it should print; or give given_name and family_name",
            ["full_name", "display_name", "signatory", "signer"]),
        new("given_name", false, "a person's first name(s): the name prints as given_name family_name",
            ["first_name", "firstname", "forename", "given_names"]),
        new("title", false, "the person's title, such as \"Co-Chair\"", ["job_title", "position"]),
        new("affiliation", false, "the person's organization (individuals only)", ["organization", "organisation", "employer", "company"]),
        new("affiliation_for_identification_only", false, "true (or yes, 1, x) to print the affiliation with \"*\": for identification only",
            ["identification_only", "for_identification_only"]),
        new("email", false, "for re-confirmation emails after a revision; never printed", ["email_address", "e_mail", "e_mail_address", "mail"]),
        new("family_name", false, "the part of an individual's name to file them under, when not the last word",
            ["last_name", "lastname", "surname"]),
        new("signed_on", false, "the day the signer signed, for a signature given before the import: yyyy-MM-dd, or an ISO 8601 date and time",
            ["signed_at", "date_signed", "created_at", "created_date", "timestamp", "date"]),
    ];

    private static readonly string Needs =
        "The first line must be a header naming the columns: kind and name (kind,name,title,affiliation," +
        "affiliation_for_identification_only,email,family_name,signed_on), or, for an export of people, given_name " +
        "(or first_name) and family_name (or last_name). Other columns are ignored.";

    public static SignatureCsv Parse(string text)
    {
        var table = CsvTable.Parse(text, Columns, present =>
        {
            var inParts = present.Contains("given_name") || present.Contains("family_name");
            return (present.Contains("name") || inParts) && (present.Contains("kind") || inParts) ? null : Needs;
        });
        return new SignatureCsv(table.Rows.Select(Row).ToList(), table.Error, table.IgnoredColumns);
    }

    private static SignatureCsvRow Row(CsvTableRow r)
    {
        if (r.Problem is not null) return new SignatureCsvRow(r.Row, Problem: r.Problem);
        var (given, family) = (Blank(r["given_name"]), Blank(r["family_name"]));
        // parts only: the name prints as the person wrote it in their export, and files under the family name
        var name = Blank(r["name"]) ?? (given is null && family is null ? null : string.Join(' ', new[] { given, family }.OfType<string>()));
        var kind = r.Values.ContainsKey("kind") ? r["kind"] : "individual";
        return new SignatureCsvRow(r.Row, kind, name, r["title"], r["affiliation"], r["affiliation_for_identification_only"], r["email"],
            FamilyName: family, SignedOn: r["signed_on"]);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
