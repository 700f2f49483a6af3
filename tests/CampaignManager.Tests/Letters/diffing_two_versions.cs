using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

/// <summary>
/// The compare page and the returning signer's public page diff two versions on every view. The diff must stay small in
/// memory however long the letter (a lines × lines table of two 20,000-line versions is 1.6 GB), and a changed paragraph,
/// which in Markdown is one long line, must show which of its words changed.
/// </summary>
public class diffing_two_versions
{
    [Fact]
    public void two_versions_of_twenty_thousand_lines_diff_in_bounded_memory()
    {
        var old = Enumerable.Range(1, 20_000).Select(i => $"Line {i} of the annex.").ToList();
        var revised = old.Select((line, i) => i % 500 == 7 ? $"Line {i + 1} of the revised annex." : line).ToList();
        revised.RemoveAt(10_000);
        revised.Insert(15_000, "A line inserted in the middle.");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = DiffTable.SideBySide(string.Join("\n", old), string.Join("\n", revised));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.ShouldBeLessThan(200L * 1024 * 1024, "the old lines × lines table alone needed 20,001² ints (1.6 GB)");
        rows.Count(r => r.Kind == DiffKind.Changed).ShouldBe(40);
        rows.ShouldContain(r => r.Kind == DiffKind.Removed && r.OldNumber == 10_001 && r.Old == "Line 10001 of the annex.");
        rows.ShouldContain(r => r.Kind == DiffKind.Added && r.New == "A line inserted in the middle.");
        rows.Count(r => r.Kind == DiffKind.Same).ShouldBe(20_000 - 40 - 1);
    }

    [Fact]
    public void a_changed_paragraph_marks_exactly_the_words_that_changed()
    {
        const string before = "We, the undersigned organizations, urge the United States to stay engaged with the Human Rights " +
                              "Council and to seek its reform from within, as it did in 2009.";
        const string after = "We, the undersigned organizations, urge the United States to remain a member of the Human Rights " +
                             "Council and to seek its reform from within, as it did in 2009 and 2016.";

        var row = DiffTable.SideBySide($"Dear Secretary,\n\n{before}\n\nSincerely,", $"Dear Secretary,\n\n{after}\n\nSincerely,")
            .Where(r => r.Kind != DiffKind.Same).ShouldHaveSingleItem();

        (row.Kind, row.OldNumber, row.NewNumber).ShouldBe((DiffKind.Changed, 3, 3));
        row.OldSpans.Where(s => s.Changed).Select(s => s.Text.Trim()).ShouldBe(["stay engaged with"]);
        row.NewSpans.Where(s => s.Changed).Select(s => s.Text.Trim()).ShouldBe(["remain a member of", "and 2016"]);
        string.Concat(row.OldSpans.Select(s => s.Text)).ShouldBe(before, "the spans are the whole line, nothing lost or doubled");
        string.Concat(row.NewSpans.Select(s => s.Text)).ShouldBe(after);
    }

    [Fact]
    public void two_long_paragraphs_with_nothing_in_common_show_as_a_whole_changed_line()
    {
        var before = string.Join(" ", Enumerable.Range(0, 12_000).Select(i => $"old{i}"));
        var after = string.Join(" ", Enumerable.Range(0, 12_000).Select(i => $"new{i}"));

        var row = DiffTable.SideBySide(before, after).ShouldHaveSingleItem();

        (row.Kind, row.Old, row.New).ShouldBe((DiffKind.Changed, before, after));
        row.OldSpans.ShouldBeEmpty("a word view of two unrelated paragraphs marks every word: the whole line says it without the work");
        row.NewSpans.ShouldBeEmpty();
    }
}
