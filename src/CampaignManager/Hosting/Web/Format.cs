using System.Globalization;

namespace CampaignManager.Hosting.Web;

/// <summary>
/// How every staff page writes a moment: in UTC and labelled so, because staff sit in many time zones and the same
/// instant must read the same on every page (the as-of picker converts to the reader's own zone in the browser).
/// </summary>
public static class Format
{
    /// <summary>"2026-03-01 14:05 UTC"; nothing for a moment that is not there.</summary>
    public static string Utc(DateTimeOffset? at) =>
        at is { } a ? a.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "";

    /// <summary>To the second, where two events in the same minute must stay apart (a letter's history).</summary>
    public static string UtcSeconds(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
