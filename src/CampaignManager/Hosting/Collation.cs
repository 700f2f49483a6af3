namespace CampaignManager.Hosting;

/// <summary>
/// How the app compares and orders people's and organizations' names: ICU's root collation (the Unicode Collation
/// Algorithm with CLDR's defaults), so "Ärzte ohne Grenzen" files under A, "Łódź" under L and "Straße" with "Strasse".
/// The app ships with ICU (InvariantGlobalization is off in Directory.Build.props, for the app and the tests alike):
/// under invariant globalization .NET neither decomposes accents nor collates, and accented names sorted after Z in
/// the running app while the test host, which had ICU, passed (issue #18). <see cref="RequireIcu"/> refuses to start
/// without it, so that mode cannot come back through DOTNET_SYSTEM_GLOBALIZATION_INVARIANT either.
/// </summary>
public static class Collation
{
    private static readonly CompareInfo Root = CultureInfo.InvariantCulture.CompareInfo;

    /// <summary>Orders names in memory as <see cref="Key"/> orders them in PostgreSQL: case and accents set aside first.</summary>
    public static StringComparer Names { get; } = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);

    /// <summary>PostgreSQL's ICU root collation, for lists PostgreSQL orders by name (targets, lists, organizations).</summary>
    public const string Sql = "\"und-x-icu\"";

    /// <summary>
    /// ICU's version of the collation: a sort key is only comparable with keys the same version made, so stored keys
    /// carry it and are made again when it changes (a new ICU on the server).
    /// </summary>
    /// <summary>
    /// A document query ordered by a JSON text field (camelCase, as stored) in <see cref="Sql"/>, then by id, so pages
    /// of targets or organizations list "Élan" among the Es whatever collation the database was created with (the
    /// embedded cluster's is C, which puts it after Z).
    /// </summary>
    public static IQueryable<T> OrderByName<T>(this IQueryable<T> query, string field = "name") =>
        query.OrderBySql($"data ->> '{field}' collate {Sql}, id");

    public static int Version => Root.Version.FullVersion;

    /// <summary>ICU's collation for a language (its CLDR tailoring: Spanish "ñ" after "n"); root for none or an unknown tag.</summary>
    public static CompareInfo For(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return Root;
        try
        {
            return CultureInfo.GetCultureInfo(language).CompareInfo;
        }
        catch (CultureNotFoundException)
        {
            return Root;
        }
    }

    /// <summary>
    /// The collation's sort key of <paramref name="text"/> as lowercase hex, at most <paramref name="maxBytes"/> bytes
    /// of it, then "00". ICU keys contain no zero byte, so "00" ends the part below any byte that could follow it, and
    /// comparing two such strings character by character (in any collation: only 0-9 and a-f occur) compares the
    /// texts as the collation does; a key cut short only loses its finest distinctions.
    /// </summary>
    public static string Key(string text, bool primaryOnly, int maxBytes, string? language = null)
    {
        var options = primaryOnly ? CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace : CompareOptions.None;
        var bytes = For(language).GetSortKey(text, options).KeyData.AsSpan();
        var length = bytes.Length;
        while (length > 0 && bytes[length - 1] == 0) length--; // ICU's own terminator
        return Convert.ToHexStringLower(bytes[..Math.Min(length, maxBytes)]) + "00";
    }

    public static void RequireIcu()
    {
        // "Ä" as A + combining diaeresis: what a name key and a sort key rely on; invariant globalization leaves it whole
        if ("\u00C4".Normalize(NormalizationForm.FormD).Length != 2 || Root.Compare("\u00C4", "B") >= 0)
            throw new StartupProblem(
                "CampaignManager needs ICU to order and compare names (accented names would sort after Z): install the " +
                "system's ICU package (libicu, e.g. `apt-get install libicu72`) and do not set DOTNET_SYSTEM_GLOBALIZATION_INVARIANT.");
    }

    /// <summary>
    /// The app's culture, whatever LANG the machine has: invariant, so numbers and dates written without an explicit
    /// culture read the same on every server, in the tests and in production. Pages format moments explicitly
    /// (Web/Format) in any case.
    /// </summary>
    public static void UseInvariantCulture()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
    }
}
