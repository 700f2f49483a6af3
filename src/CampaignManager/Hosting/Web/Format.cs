using System.Text.RegularExpressions;

namespace CampaignManager.Hosting.Web;

/// <summary>
/// How every staff page writes a moment: in UTC and labelled so, because staff sit in many time zones and the same
/// instant must read the same on every page (the as-of picker converts to the reader's own zone in the browser).
/// </summary>
public static partial class Format
{
    /// <summary>"2026-03-01 14:05 UTC"; nothing for a moment that is not there.</summary>
    public static string Utc(DateTimeOffset? at) =>
        at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "";

    /// <summary>To the second, where two events in the same minute must stay apart (a letter's history).</summary>
    public static string UtcSeconds(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>The JSON spelling of an enum value ("partlyAchieved"): what forms post and the live updates show.</summary>
    public static string Camel(Enum value)
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    /// <summary>An enum value as words for people ("partly achieved").</summary>
    public static string Words(Enum value) => Capitals().Replace(value.ToString(), " $1").Trim().ToLowerInvariant();

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole);

    [GeneratedRegex("([A-Z])")]
    private static partial Regex Capitals();
}
