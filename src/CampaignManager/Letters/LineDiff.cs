namespace CampaignManager.Letters;

public enum DiffKind { Same, Removed, Added, Changed }

/// <summary>One row of a side-by-side diff: the old line on the left, the new one on the right (either may be absent).</summary>
public record DiffRow(DiffKind Kind, int? OldNumber, string? Old, int? NewNumber, string? New);

/// <summary>A whole side-by-side comparison of two text versions, as the diff table partial renders it.</summary>
public record DiffTable(int From, int To, IReadOnlyList<DiffRow> Rows)
{
    public static DiffTable Between(LetterText from, LetterText to) =>
        new(from.Version, to.Version, LineDiff.SideBySide(LineDiff.Document(from), LineDiff.Document(to)));
}

/// <summary>
/// A line diff by longest common subsequence, enough for letters (hundreds of lines, not millions). Plain strings
/// out: the page encodes them like any other text, so a diff can never inject markup.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffRow> SideBySide(string oldText, string newText)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        for (var j = b.Length - 1; j >= 0; j--)
            lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var rows = new List<DiffRow>();
        var (removed, added) = (new List<(int, string)>(), new List<(int, string)>());
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                Flush();
                rows.Add(new DiffRow(DiffKind.Same, x + 1, a[x], y + 1, b[y]));
                x++; y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] >= lcs[x + 1, y])) { added.Add((y + 1, b[y])); y++; }
            else { removed.Add((x + 1, a[x])); x++; }
        }
        Flush();
        return rows;

        // a run of removed and added lines pairs up as changed lines, the rest stand alone
        void Flush()
        {
            for (var k = 0; k < Math.Max(removed.Count, added.Count); k++)
            {
                var (o, n) = (k < removed.Count ? removed[k] : default((int, string)?), k < added.Count ? added[k] : default((int, string)?));
                var kind = o is null ? DiffKind.Added : n is null ? DiffKind.Removed : DiffKind.Changed;
                rows.Add(new DiffRow(kind, o?.Item1, o?.Item2, n?.Item1, n?.Item2));
            }
            removed.Clear();
            added.Clear();
        }
    }

    /// <summary>A text version as one document of lines, so title, addressees and closing changes show too.</summary>
    public static string Document(LetterText text) => string.Join("\n", new[]
    {
        $"Title: {text.Title}",
        $"Subject: {text.Subject}",
        string.Join("\n", text.Addressees.Select(a => "To: " + string.Join(", ",
            new[] { a.Name, a.Title, a.Organization, a.Address?.ReplaceLineEndings(" / ") }.Where(s => !string.IsNullOrWhiteSpace(s))))),
        "",
        text.Body.ReplaceLineEndings("\n"),
        "",
        text.Closing
    });

    private static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
