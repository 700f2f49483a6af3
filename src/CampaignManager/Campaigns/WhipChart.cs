using System.Globalization;

namespace CampaignManager.Campaigns;

/// <summary>One bar of the whip chart, already placed: the view only writes these numbers out.</summary>
public record WhipBar(TargetPosition Position, int Count, int X, string Y, string Height, int LabelX, string CountY);

/// <summary>
/// The whip-count bar chart's geometry. Kept out of the .cshtml so the maths can be read and
/// changed in one place; the numbers are formatted invariantly because they land in SVG attributes.
/// </summary>
public record WhipChart(int Width, int Height, IReadOnlyList<WhipBar> Bars)
{
    public const int BarWidth = 60, Gap = 20, ChartHeight = 120;

    /// <summary>Baseline of the position labels under the bars.</summary>
    public const int LabelY = ChartHeight + 30;

    public static WhipChart From(IReadOnlyList<PositionCount> counts)
    {
        var inv = CultureInfo.InvariantCulture;
        // The tallest bar fills the chart; at least 1 so an all-zero count draws flat bars, not NaN.
        var max = Math.Max(1, counts.Select(p => p.Count).DefaultIfEmpty(0).Max());
        var bars = counts.Select((p, i) =>
        {
            var h = (double)ChartHeight * p.Count / max;
            var x = i * (BarWidth + Gap) + Gap / 2;
            return new WhipBar(p.Position, p.Count, x,
                Y: (ChartHeight - h + 14).ToString("0.##", inv),
                Height: h.ToString("0.##", inv),
                LabelX: x + BarWidth / 2,
                CountY: (ChartHeight - h + 10).ToString("0.##", inv));
        }).ToList();
        return new WhipChart(counts.Count * (BarWidth + Gap), ChartHeight + 40, bars);
    }
}
