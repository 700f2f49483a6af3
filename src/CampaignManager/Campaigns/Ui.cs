using System.Text.RegularExpressions;
using CampaignManager.Appeals;

namespace CampaignManager.Campaigns;

/// <summary>Small formatting rules shared by the staff pages, so every page names things the same way.</summary>
public static partial class Ui
{
    /// <summary>The JSON spelling of an enum value ("partlyAchieved"): what forms post and the live updates show.</summary>
    public static string Camel(Enum value)
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    /// <summary>An enum value as words for people ("partly achieved").</summary>
    public static string Words(Enum value) => Capitals().Replace(value.ToString(), " $1").Trim().ToLowerInvariant();

    /// <summary>Recipients the letter has reached, whatever happened next; not an uncertain one, which no one knows yet.</summary>
    public static bool Delivered(RecipientStatus s) =>
        s is RecipientStatus.Sent or RecipientStatus.Acknowledged or RecipientStatus.Responded or RecipientStatus.FollowUpDue;

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);

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

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Capitals();
}
