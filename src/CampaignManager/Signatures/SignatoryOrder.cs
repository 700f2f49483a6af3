namespace CampaignManager.Signatures;

/// <summary>
/// How a signatory block prints: organizations by name ignoring a leading "The", then individuals by family name
/// (the one the signer gave, else the last word), names compared by ICU's collation for the letter's language (root
/// for letters drafted before that choice; <see cref="Collation"/>), so that "Ärzte ohne Grenzen" files under A and
/// "Łódź" under L, and "Ñandutí" under N in English but after N in Spanish, as readers of a block expect. Staff
/// can pin an explicit order; pinned signatures come first in that order, the rest follow by the rule.
/// </summary>
public static class SignatoryOrder
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
        { "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "cbe", "kbe", "mbe" };

    /// <summary>
    /// Ends every key of the current format: "03" and the collation's version as eight hex digits, after the last part's
    /// "00" (keys of the first two formats end in "0000" and "0002"; "03" keyed a withheld name by the name itself). The first character stays the kind, which the
    /// signature tally reads. Keys of another format, or made by another ICU version, are made again at start-up by
    /// <see cref="SignatureSortKeysBackfill"/>; a change to the key bumps the "03".
    /// </summary>
    public static string Format { get; } = "04" + Collation.Version.ToString("x8", CultureInfo.InvariantCulture);

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> signatories, Func<T, Guid> id, Func<T, SignatoryKind> kind,
        Func<T, string> name, IReadOnlyList<Guid>? explicitOrder = null, Func<T, string?>? familyName = null,
        Func<T, bool>? withheld = null, string? collation = null)
    {
        var pinned = (explicitOrder ?? []).Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        return signatories
            .OrderBy(s => pinned.TryGetValue(id(s), out var i) ? i : int.MaxValue)
            .ThenBy(s => KeyFor(kind(s), name(s), familyName?.Invoke(s), withheld?.Invoke(s) ?? false, collation), StringComparer.Ordinal)
            .ThenBy(id)
            .ToList();
    }

    /// <summary>
    /// A signature's key: a withheld name files as "Name withheld" does, so neither its place in the block nor its key
    /// (nor the paging cursor made from it) tells anything of the name.
    /// </summary>
    public static string KeyFor(SignatoryKind kind, string name, string? familyName, bool nameWithheld, string? collation = null) =>
        nameWithheld ? SortKey(kind, SignatoryView.Withheld, collation: collation) : SortKey(kind, name, familyName, collation);

    /// <summary>
    /// The unpinned order as one string PostgreSQL can index and page on: organizations before individuals, then the
    /// organization key or family name ignoring case and accents, then the whole name with them, as ICU collation keys
    /// in hex (<see cref="Collation.Key"/>). The collation is done here, not by a PostgreSQL collation, so the key orders
    /// the same in memory (Sort above uses it: the block in memory and the pages PostgreSQL serves cannot disagree) as
    /// in the database, whatever collation the database has. Parts are cut at 500 and 600 bytes of key (a 300-character
    /// name of "Æ" makes 1,803), so a key is at most 2,215 characters, under PostgreSQL's B-tree entry limit.
    /// </summary>
    /// <param name="collation">The letter's language, whose ICU tailoring files the block (Spanish puts "ñ" after "n"); null: root.</param>
    public static string SortKey(SignatoryKind kind, string name, string? familyName = null, string? collation = null)
    {
        var primary = kind == SignatoryKind.Organization ? OrganizationKey(name)
            : string.IsNullOrWhiteSpace(familyName) ? FamilyName(name) : familyName.Trim();
        return (kind == SignatoryKind.Organization ? "0" : "1")
               + Collation.Key(primary.Trim(), primaryOnly: true, maxBytes: 500, collation)
               + Collation.Key(name.Trim(), primaryOnly: false, maxBytes: 600, collation)
               + Format;
    }

    public static string OrganizationKey(string name)
    {
        var trimmed = name.Trim();
        return trimmed.StartsWith("The ", StringComparison.OrdinalIgnoreCase) ? trimmed[4..].TrimStart() : trimmed;
    }

    /// <summary>The last word of a name that is not a suffix: "Roberta Cohen" → Cohen, "John Smith, Jr." → Smith.</summary>
    public static string FamilyName(string name)
    {
        var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = words.Length - 1; i >= 0; i--)
        {
            if (!Suffixes.Contains(words[i].TrimEnd('.').Replace(".", ""))) return words[i];
        }
        return name.Trim();
    }
}
