using System.Globalization;
using CampaignManager.Campaigns;

namespace CampaignManager.Tests.Campaigns;

/// <summary>The campaign page's SVG geometry, computed in C# so the view only prints it.</summary>
public class drawing_the_whip_chart_and_timeline
{
    [Fact]
    public void the_tallest_bar_fills_the_chart_and_the_others_scale_against_it_side_by_side()
    {
        var chart = WhipChart.From([new(TargetPosition.Supports, 2), new(TargetPosition.Opposes, 1)]);

        chart.Width.ShouldBe(160);
        chart.Height.ShouldBe(160);
        chart.Bars[0].ShouldBe(new WhipBar(TargetPosition.Supports, 2, X: 10, Y: "14", Height: "120", LabelX: 40, CountY: "10"));
        chart.Bars[1].ShouldBe(new WhipBar(TargetPosition.Opposes, 1, X: 90, Y: "74", Height: "60", LabelX: 120, CountY: "70"));
    }

    [Fact]
    public void a_count_with_no_positions_yet_draws_flat_bars_on_the_baseline()
    {
        var chart = WhipChart.From([new(TargetPosition.Supports, 0), new(TargetPosition.Undecided, 0)]);

        chart.Bars.ShouldAllBe(b => b.Height == "0" && b.Y == "134");
    }

    [Fact]
    public void a_bar_of_a_third_is_written_with_two_decimals_whatever_the_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var chart = WhipChart.From([new(TargetPosition.Supports, 7), new(TargetPosition.Opposes, 1)]);

            chart.Bars[1].Height.ShouldBe("17.14");
            chart.Bars[1].Y.ShouldBe("116.86");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void the_timeline_spreads_events_by_time_with_the_campaign_above_the_line_and_its_letters_below()
    {
        var campaign = Guid.NewGuid();
        var letter = Guid.NewGuid();
        var start = new DateTimeOffset(2020, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var chart = TimelineChart.From([
            new(1, campaign, "Launched", "launched", "ann", start),
            new(2, letter, "Opened", "opened", "ann", start.AddHours(1)),
            new(3, campaign, "Position", "position", "ann", start.AddHours(4))
        ], campaign)!;

        chart.Dots.Select(d => d.Cx).ShouldBe(["10", "255", "990"]);
        chart.Dots.Select(d => d.Cy).ShouldBe([22, 38, 22]);
        chart.Dots.Select(d => d.CampaignEvent).ShouldBe([true, false, true]);
        (chart.First, chart.Last).ShouldBe((start, start.AddHours(4)));
    }

    [Fact]
    public void a_campaign_without_events_has_no_timeline_to_draw()
    {
        TimelineChart.From([], Guid.NewGuid()).ShouldBeNull();
    }
}
