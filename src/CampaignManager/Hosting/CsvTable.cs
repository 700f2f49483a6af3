using CsvHelper;

namespace CampaignManager.Hosting;

/// <summary>
/// One data row: its values by column name, or <see cref="Problem"/> when the row itself could not be read.
/// <see cref="Row"/> is the row as a spreadsheet numbers it (the header is row 1); <see cref="Line"/> the line of the
/// file it starts on (the header is line 1), which is further down when a quoted value spans lines or a line is empty.
/// </summary>
public record CsvTableRow(int Row, int Line, IReadOnlyDictionary<string, string?> Values, string? Problem)
{
    public string? this[string column] => Values.GetValueOrDefault(column);
}

/// <summary>
/// The reading every import shares. A file whose header is not the expected one is refused as a whole
/// (<see cref="Error"/>): its rows would all be misread. Otherwise each row stands alone, and a bad row is reported,
/// not fatal. Row numbers count the header as row 1, as a spreadsheet shows them.
/// </summary>
public record CsvTable(IReadOnlyList<CsvTableRow> Rows, string? Error)
{
    public const int MaxRows = 5000;

    public static CsvTable Parse(string text, IReadOnlyList<CsvColumn> format) =>
        Parse(text, format.Select(c => c.Name).ToList(), format.Where(c => c.Required).Select(c => c.Name).ToList());

    public static CsvTable Parse(string text, IReadOnlyList<string> columns, IReadOnlyList<string> required)
    {
        // record numbers (header = 1) of rows with broken quoting; reported while scanning, ahead of Read
        var malformed = new Dictionary<long, CsvMalformedReason>();
        var options = CsvReaderOptions.Default with
        {
            // never detected: a file of one column and ';'-separated values would be misread as ';'-separated
            Separator = ',',
            HasHeader = true,
            TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MaxRecordSize = 1024 * 1024,
            TrackLineNumbers = true,
            OnMalformedRecord = r => malformed.TryAdd(r.RecordNumber, r.Reason),
        };
        try
        {
            using var csv = CsvReader.FromText(text, options);
            csv.ReadHeader();
            var names = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (names.Length == 0 || names is [""]) return Refused("The file is empty.");
            if (malformed.ContainsKey(1) || required.Any(r => Array.IndexOf(names, r) < 0) || names.Except(columns).Any()
                || names.Distinct().Count() != names.Length)
                return Refused($"The first line must be the header {string.Join(',', columns)} " +
                               $"({string.Join(" and ", required)} {(required.Count == 1 ? "is" : "are")} required, the others optional).");

            var rows = new List<CsvTableRow>();
            var none = new Dictionary<string, string?>();
            while (csv.Read())
            {
                if (rows.Count == MaxRows) return Refused($"At most {MaxRows} rows can be imported at once.");
                var (row, line) = ((int)csv.RowNumber + 1, (int)csv.LineNumber);
                if (malformed.TryGetValue(row, out var reason) && reason != CsvMalformedReason.FieldCountMismatch)
                    rows.Add(new CsvTableRow(row, line, none, $"could not be parsed: {Describe(reason)}"));
                else if (csv.FieldCount != names.Length)
                    rows.Add(new CsvTableRow(row, line, none, $"has {csv.FieldCount} columns, the header has {names.Length}"));
                else
                    rows.Add(new CsvTableRow(row, line, names.Select((n, i) => (n, v: (string?)csv.GetString(i))).ToDictionary(x => x.n, x => x.v), null));
            }
            return new CsvTable(rows, null);
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

    private static CsvTable Refused(string error) => new([], error);
}
