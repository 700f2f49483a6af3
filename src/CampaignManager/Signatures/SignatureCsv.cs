using CsvHelper;

namespace CampaignManager.Signatures;

/// <summary>One data row as typed; <see cref="Problem"/> is set when the row itself could not be read.</summary>
public record SignatureCsvRow(
    int Row, string? Kind = null, string? Name = null, string? Title = null, string? Affiliation = null,
    string? IdentificationOnly = null, string? Email = null, string? Problem = null);

/// <summary>
/// Reads a sign-on import file. A file whose header is not ours is refused as a whole (<see cref="Error"/>): its rows
/// would all be misread. Otherwise each row stands alone. Row numbers count the header as row 1, as spreadsheets do.
/// </summary>
public record SignatureCsv(IReadOnlyList<SignatureCsvRow> Rows, string? Error)
{
    public const int MaxRows = 5000;
    public static readonly string[] Columns = ["kind", "name", "title", "affiliation", "affiliation_for_identification_only", "email"];

    public static SignatureCsv Parse(string text)
    {
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = 1024 * 1024,
            OnMalformedRecord = r => malformed.TryAdd(r.RecordNumber, r.Reason),
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            csv.ReadHeader();
            var names = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (names.Length == 0 || names is [""]) return Refused("The file is empty.");
            if (malformed.ContainsKey(1) || Array.IndexOf(names, "kind") < 0 || Array.IndexOf(names, "name") < 0
                || names.Except(Columns).Any() || names.Distinct().Count() != names.Length)
                return Refused($"The first line must be the header {string.Join(',', Columns)} (kind and name are required, the others optional).");

            var rows = new List<SignatureCsvRow>();
            while (csv.Read())
            {
                if (rows.Count == MaxRows) return Refused($"At most {MaxRows} rows can be imported at once.");
                var row = (int)csv.RowNumber + 1;
                if (malformed.TryGetValue(row, out var reason) && reason != CsvMalformedReason.FieldCountMismatch)
                    rows.Add(new SignatureCsvRow(row, Problem: "could not be parsed: malformed quoting"));
                else if (csv.FieldCount != names.Length)
                    rows.Add(new SignatureCsvRow(row, Problem: $"has {csv.FieldCount} columns, the header has {names.Length}"));
                else
                    rows.Add(new SignatureCsvRow(row, Field("kind"), Field("name"), Field("title"), Field("affiliation"),
                        Field("affiliation_for_identification_only"), Field("email")));
            }
            return new SignatureCsv(rows, null);

            string? Field(string column) => Array.IndexOf(names, column) is var i and >= 0 ? csv.GetString(i) : null;
        }
        catch (CsvFormatException e)
        {
            return Refused($"The file could not be read as CSV: {e.Message}");
        }
    }

    private static SignatureCsv Refused(string error) => new([], error);
}
