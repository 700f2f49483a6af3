namespace CampaignManager.Campaigns;

/// <summary>One dot on the campaign timeline: the campaign's own events above the line, its letters' below.</summary>
public record TimelineDot(string Cx, int Cy, string Fill, bool CampaignEvent, CampaignTimelineEntry Entry);

/// <summary>
/// Places the campaign timeline's events on a 1000-wide SVG by time, so the view carries no maths.
/// Colours match the legend the view draws under the chart.
/// </summary>
public record TimelineChart(DateTimeOffset First, DateTimeOffset Last, IReadOnlyList<TimelineDot> Dots)
{
    public const string CampaignColour = "#1f5fbf", LetterColour = "#c77d0a";

    public static TimelineChart? From(IReadOnlyList<CampaignTimelineEntry> timeline, Guid campaignId)
    {
        if (timeline.Count == 0) return null;
        var first = timeline[0].At;
        var last = timeline[^1].At;
        // At least a second, so a timeline of one moment puts its dots at the start instead of dividing by zero.
        var span = Math.Max(1, (last - first).TotalSeconds);
        var dots = timeline.Select(e =>
        {
            var x = 10 + 980 * (e.At - first).TotalSeconds / span;
            var campaignEvent = e.StreamId == campaignId;
            return new TimelineDot(x.ToString("0.##", CultureInfo.InvariantCulture), campaignEvent ? 22 : 38,
                campaignEvent ? CampaignColour : LetterColour, campaignEvent, e);
        }).ToList();
        return new TimelineChart(first, last, dots);
    }
}
