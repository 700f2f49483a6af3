using System.Text.RegularExpressions;

namespace CampaignManager.Hosting;

/// <summary>One header cell as the file wrote it, and the column it was read as (null: not a column we know, ignored).</summary>
public record CsvHeader(string Header, string? Column);

/// <summary>
/// Maps a file's header cells to our columns by name, so an export from another tool (Action Network's
/// first_name/last_name/email, a spreadsheet's "E-mail Address") imports without editing. Names are compared after
/// folding case and turning spaces, hyphens and dots into underscores; each column also answers to its aliases.
/// A cell that matches nothing is ignored and reported, never a reason to refuse the file: exports carry many
/// columns (ZIP codes, phone numbers, ids) that a letter has no use for.
/// </summary>
public static partial class CsvHeaders
{
    public static string Fold(string header) =>
        Separators().Replace(header.Trim().TrimStart('\uFEFF').ToLowerInvariant(), "_").Trim('_');

    /// <summary>The mapping of each cell, or why the header cannot be read (two cells claiming one column).</summary>
    public static (IReadOnlyList<CsvHeader> Headers, string? Error) Map(IReadOnlyList<string> cells, IReadOnlyList<CsvColumn> format)
    {
        var byName = new Dictionary<string, string>();
        foreach (var column in format)
        {
            byName.TryAdd(column.Name, column.Name);
            foreach (var alias in column.Aliases ?? []) byName.TryAdd(Fold(alias), column.Name);
        }
        var headers = cells.Select(c => new CsvHeader(c.Trim().TrimStart('\uFEFF'), byName.GetValueOrDefault(Fold(c)))).ToList();
        var clash = headers.Where(h => h.Column is not null).GroupBy(h => h.Column).FirstOrDefault(g => g.Count() > 1);
        return clash is null
            ? (headers, null)
            : (headers, $"The columns {string.Join(" and ", clash.Select(h => $"\"{h.Header}\""))} both give the {clash.Key}; keep one of them.");
    }

    [GeneratedRegex(@"[\s\-.]+")]
    private static partial Regex Separators();
}
