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

    /// <summary>A colour per whip-count position, so the chart reads at a glance: support green, opposition red.</summary>
    public static string Colour(TargetPosition p) => p switch
    {
        TargetPosition.Supports or TargetPosition.VotedYes => "#1b7f3b",
        TargetPosition.CoSponsor => "#0f5a2a",
        TargetPosition.Opposes or TargetPosition.VotedNo => "#a4161a",
        TargetPosition.Abstained => "#c77d0a",
        TargetPosition.Undecided => "#8a93a3",
        _ => "#c5cad3"
    };

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

/// <summary>One position's share of the dashboard's whip strip, already placed.</summary>
public record WhipSegment(TargetPosition Position, int Count, string X, string Width);

/// <summary>
/// The dashboard's one-line whip count: the positions side by side, each as wide as its share. Only positions some
/// target holds get a segment; none at all draws nothing, so the view can say "no positions" instead.
/// </summary>
public record WhipStrip(int Width, int Counted, IReadOnlyList<WhipSegment> Segments)
{
    public const int Height = 14;

    public static WhipStrip From(IReadOnlyList<PositionCount> counts, int width = 160)
    {
        var inv = CultureInfo.InvariantCulture;
        var counted = counts.Sum(c => c.Count);
        var x = 0.0;
        var segments = new List<WhipSegment>();
        foreach (var c in counts.Where(c => c.Count > 0))
        {
            var w = (double)width * c.Count / counted;
            segments.Add(new WhipSegment(c.Position, c.Count, x.ToString("0.##", inv), w.ToString("0.##", inv)));
            x += w;
        }
        return new WhipStrip(width, counted, segments);
    }
}
