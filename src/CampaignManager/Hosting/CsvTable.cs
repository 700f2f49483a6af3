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
/// The reading every import shares. The header maps the file's columns to ours by name (<see cref="CsvHeaders"/>): a
/// column we do not know is ignored and listed in <see cref="Headers"/>. A file whose header lacks what the format needs
/// is refused as a whole (<see cref="Error"/>): its rows would all be misread. Otherwise each row stands alone, and a bad
/// row is reported, not fatal. Row numbers count the header as row 1, as a spreadsheet shows them.
/// </summary>
public record CsvTable(IReadOnlyList<CsvTableRow> Rows, string? Error, IReadOnlyList<CsvHeader>? Headers = null)
{
    public const int MaxRows = 5000;

    /// <summary>The header cells no column of ours answered to, as the file wrote them.</summary>
    public IReadOnlyList<string> IgnoredColumns => Headers?.Where(h => h.Column is null && h.Header.Length > 0).Select(h => h.Header).ToList() ?? [];

    /// <param name="needs">
    /// Given the columns the header maps to, why they are not enough, or null. By default every required column.
    /// </param>
    public static CsvTable Parse(string text, IReadOnlyList<CsvColumn> format, Func<IReadOnlySet<string>, string?>? needs = null)
    {
        needs ??= present => format.Any(c => c.Required && !present.Contains(c.Name)) ? Expected(format) : null;
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
            if (csv.Headers.Count == 0 || csv.Headers is [var only] && only.Trim().Length == 0) return Refused("The file is empty.");
            if (malformed.ContainsKey(1)) return Refused(Expected(format));
            var (headers, clash) = CsvHeaders.Map(csv.Headers.ToList(), format);
            if (clash is not null) return Refused(clash);
            if (needs(headers.Where(h => h.Column is not null).Select(h => h.Column!).ToHashSet()) is { } missing)
                return Refused(missing);
            var names = headers.Select(h => h.Column).ToArray();

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
                    rows.Add(new CsvTableRow(row, line, names.Select((n, i) => (n, i)).Where(x => x.n is not null)
                        .ToDictionary(x => x.n!, x => (string?)csv.GetString(x.i)), null));
            }
            return new CsvTable(rows, null, headers);
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

    /// <summary>What a header needs, said the way the refusal says it.</summary>
    public static string Expected(IReadOnlyList<CsvColumn> format)
    {
        var required = format.Where(c => c.Required).Select(c => c.Name).ToList();
        return $"The first line must be a header naming the columns, such as {string.Join(',', format.Select(c => c.Name))} " +
               $"({string.Join(" and ", required)} {(required.Count == 1 ? "is" : "are")} required, the others optional; other columns are ignored).";
    }

    private static CsvTable Refused(string error) => new([], error);
}
