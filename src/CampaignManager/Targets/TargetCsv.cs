using CsvHelper;

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
    public const int MaxRows = 5000;
    public static readonly string[] Columns = ["name", "title", "organization", "email", "address", "country", "tags"];

    public static TargetCsv Parse(string text)
    {
        // record numbers (header = 1) of rows with broken quoting; reported while scanning, ahead of Read
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            // never detected: a file of one column and ';'-separated tags would be misread as ';'-separated
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
            if (names.Length == 0) return Refused("The file is empty.");
            if (malformed.ContainsKey(1) || Array.IndexOf(names, "name") < 0 || names.Except(Columns).Any()
                || names.Distinct().Count() != names.Length)
                return Refused($"The first line must be the header {string.Join(',', Columns)} (name is required, the others optional).");

            var rows = new List<TargetCsvRow>();
            while (csv.Read())
            {
                if (rows.Count == MaxRows) return Refused($"At most {MaxRows} rows can be imported at once.");
                var row = (int)csv.RowNumber + 1;
                if (malformed.TryGetValue(row, out var reason) && reason != CsvMalformedReason.FieldCountMismatch)
                    rows.Add(new TargetCsvRow(row, Problem: $"could not be parsed: {Describe(reason)}"));
                else if (csv.FieldCount != names.Length)
                    rows.Add(new TargetCsvRow(row, Problem: $"has {csv.FieldCount} columns, the header has {names.Length}"));
                else
                    rows.Add(new TargetCsvRow(row, Field("name"), Field("title"), Field("organization"), Field("email"),
                        Field("address"), Field("country"), Field("tags")));
            }
            return new TargetCsv(rows, null);

            string? Field(string column) => Array.IndexOf(names, column) is var i and >= 0 ? csv.GetString(i) : null;
        }
        catch (CsvFormatException e)
        {
            return Refused($"The file could not be read as CSV: {e.Message}");
        }
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "a quote inside an unquoted value",
        CsvMalformedReason.TextAfterClosingQuote => "text after a closing quote",
        CsvMalformedReason.UnterminatedQuote => "a quote that is never closed",
        _ => "malformed quoting"
    };

    private static TargetCsv Refused(string error) => new([], error);
}
