using System.Globalization;

namespace CampaignManager.Benchmarks.Harness;

/// <summary>One line of the result table; a baseline is a row of its own right above the rows compared with it.</summary>
public sealed record Row(string Scenario, string What, string Throughput, Latency? Latency = null, string Errors = "",
    string Lost = "", long? PeakRss = null, string VsBaseline = "", string Goal = "", string VsGoal = "");

/// <summary>Prints the rows as one Markdown table, so the output can go into README as it is.</summary>
public static class Table
{
    private static readonly string[] Header =
        ["scenario", "what", "throughput", "n", "p50", "p95", "p99", "errors", "lost / dup", "app peak RSS", "× baseline", "goal", "vs goal"];

    public static void Print(IEnumerable<Row> rows, TextWriter output)
    {
        var lines = rows.Select(r => new[]
        {
            r.Scenario, r.What, r.Throughput, r.Latency is { } l ? l.Count.ToString("N0", CultureInfo.InvariantCulture) : "",
            Ms(r.Latency?.P50), Ms(r.Latency?.P95), Ms(r.Latency?.P99), r.Errors, r.Lost, Bytes(r.PeakRss), r.VsBaseline, r.Goal,
            r.VsGoal
        }).ToList();
        output.WriteLine("| " + string.Join(" | ", Header) + " |");
        output.WriteLine("|" + string.Join("|", Header.Select((_, i) => i is 0 or 1 or 11 or 12 ? " --- " : " ---: ")) + "|");
        foreach (var line in lines) output.WriteLine("| " + string.Join(" | ", line.Select(c => c.Replace("|", "\\|"))) + " |");
    }

    public static string Ms(double? ms) => ms switch
    {
        null or double.NaN => "",
        < 10 => $"{ms:0.00} ms",
        < 100 => $"{ms:0.0} ms",
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms:N0} ms")
    };

    public static string Bytes(long? bytes) => bytes is > 0 ? $"{bytes / (1024.0 * 1024):0} MB" : "";

    public static string Rate(double perSecond, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{perSecond:N0} {unit}");

    public static string Ratio(double ratio) => double.IsFinite(ratio) ? $"{ratio:0.00}×" : "";

    /// <summary>"✓" or "✗" and how far from the goal: measured/goal when more is better, goal/measured when less is.</summary>
    public static string Verdict(string goal, double measured, double target, bool moreIsBetter)
    {
        var met = moreIsBetter ? measured >= target : measured < target;
        var factor = moreIsBetter ? measured / target : target / measured;
        return $"{(met ? "✓" : "✗")} {goal} ({factor:0.00}× goal)";
    }

    public static string Check(string goal, bool met) => $"{(met ? "✓" : "✗")} {goal}";
}
