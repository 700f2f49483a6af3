using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;

namespace CampaignManager.Letters;

public enum DiffKind { Same, Removed, Added, Changed }

/// <summary>A stretch of one side of a changed line: words both versions have, or words only this side has.</summary>
public record DiffSpan(string Text, bool Changed);

/// <summary>
/// One row of a side-by-side diff: the old line on the left, the new one on the right (either may be absent). A
/// changed line also carries its words: a Markdown paragraph is one long line, and a reader must see which words of it
/// changed, not only that it did.
/// </summary>
public record DiffRow(DiffKind Kind, int? OldNumber, string? Old, int? NewNumber, string? New)
{
    public IReadOnlyList<DiffSpan> OldSpans { get; init; } = [];
    public IReadOnlyList<DiffSpan> NewSpans { get; init; } = [];
}

/// <summary>
/// Two text versions side by side, as the diff table partial renders them. DiffPlex's Myers diff keeps memory linear
/// in the text (a table of lines × lines would not be: the public page runs this on every returning signer's view).
/// Plain strings out: the page encodes them like any other text, so a diff can never inject markup.
/// </summary>
public record DiffTable(int From, int To, IReadOnlyList<DiffRow> Rows)
{
    public int ChangedLines => Rows.Count(r => r.Kind != DiffKind.Same);

    public static DiffTable Between(LetterText from, LetterText to) =>
        new(from.Version, to.Version, SideBySide(Document(from), Document(to)));

    public static IReadOnlyList<DiffRow> SideBySide(string oldText, string newText)
    {
        var diff = Differ.Instance.CreateDiffs(Lines(oldText), Lines(newText), false, false, LineChunker.Instance);
        var (a, b) = (diff.PiecesOld, diff.PiecesNew);
        var rows = new List<DiffRow>();
        int x = 0, y = 0;
        foreach (var block in diff.DiffBlocks.Append(new DiffBlock(a.Count, 0, b.Count, 0)))
        {
            for (; x < block.DeleteStartA; x++, y++) rows.Add(new DiffRow(DiffKind.Same, x + 1, a[x], y + 1, b[y]));
            // a run of removed and added lines pairs up as changed lines, the rest stand alone
            var paired = Math.Min(block.DeleteCountA, block.InsertCountB);
            for (var k = 0; k < paired; k++) rows.Add(Changed(x + k + 1, a[x + k], y + k + 1, b[y + k]));
            for (var k = paired; k < block.DeleteCountA; k++) rows.Add(new DiffRow(DiffKind.Removed, x + k + 1, a[x + k], null, null));
            for (var k = paired; k < block.InsertCountB; k++) rows.Add(new DiffRow(DiffKind.Added, null, null, y + k + 1, b[y + k]));
            (x, y) = (x + block.DeleteCountA, y + block.InsertCountB);
        }
        return rows;
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

    private static DiffRow Changed(int oldNumber, string old, int newNumber, string @new)
    {
        var row = new DiffRow(DiffKind.Changed, oldNumber, old, newNumber, @new);
        var (a, b) = (WordChunker.Instance.Chunk(old), WordChunker.Instance.Chunk(@new));
        if (!WorthComparing(a, b)) return row;
        var words = Differ.Instance.CreateDiffs(old, @new, false, false, WordChunker.Instance);
        return row with
        {
            OldSpans = Spans(words.PiecesOld, words.DiffBlocks.Select(d => (d.DeleteStartA, d.DeleteCountA))),
            NewSpans = Spans(words.PiecesNew, words.DiffBlocks.Select(d => (d.InsertStartB, d.InsertCountB)))
        };
    }

    /// <summary>
    /// Myers' diff takes time (a + b) × d for d differing words. Words the two sides share bound d from below; when even
    /// that bound is over budget (two long paragraphs with little in common), the whole line shows as changed, which is
    /// what a word view of them would say anyway, instead of seconds of work on each view of the public page.
    /// </summary>
    private static bool WorthComparing(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var counts = a.CountBy(w => w).ToDictionary();
        var shared = 0;
        foreach (var w in b)
            if (counts.TryGetValue(w, out var n) && n > 0) (counts[w], shared) = (n - 1, shared + 1);
        return (long)(a.Count + b.Count) * (a.Count + b.Count - 2 * shared) <= WordBudget;
    }

    private const long WordBudget = 20_000_000;

    // Words in a row of the same kind join into one span, and so do two changes with only a space or a comma between
    // them (the diff happily matches the space in "stay engaged" with the one in "remain a"): one change, not three.
    private static List<DiffSpan> Spans(IReadOnlyList<string> words, IEnumerable<(int Start, int Count)> changes)
    {
        var changed = new bool[words.Count];
        foreach (var (start, count) in changes) Array.Fill(changed, true, start, count);
        for (var i = 1; i + 1 < words.Count; i++)
            if (!changed[i] && changed[i - 1] && changed[i + 1] && !words[i].Any(char.IsLetterOrDigit)) changed[i] = true;
        var spans = new List<DiffSpan>();
        var text = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            text.Append(words[i]);
            if (i + 1 < words.Count && changed[i + 1] == changed[i]) continue;
            if (text.Length > 0) spans.Add(new DiffSpan(text.ToString(), changed[i]));
            text.Clear();
        }
        return spans;
    }

    // DiffPlex's line chunker splits on any line ending; one ending throughout keeps its numbering ours.
    private static string Lines(string text) => text.ReplaceLineEndings("\n");
}
