namespace CampaignManager.Signatures;

/// <summary>
/// How a signatory block prints: organizations by name ignoring a leading "The", then individuals by family name
/// (the one the signer gave, else the last word), letters compared without their accents so that "Ärzte ohne Grenzen"
/// files under A and "Ñandutí" under N, as readers of a block expect. Staff can pin an explicit order; pinned
/// signatures come first in that order, the rest follow by the rule.
/// </summary>
public static class SignatoryOrder
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
        { "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "cbe", "kbe", "mbe" };

    /// <summary>
    /// Ends every key of the current format: a last part holding the format number as a character no name contains
    /// (keys of the first format end in a part's "0000"). The first character stays the kind, which the signature
    /// tally reads. Keys of an earlier format are recomputed at start-up by <see cref="SignatureSortKeysBackfill"/>;
    /// a change to the key bumps this.
    /// </summary>
    public const string Format = "0002";

    // Letters Unicode does not decompose into a base letter and a mark, filed as their readers file them.
    private static readonly Dictionary<char, string> Unaccented = new()
    {
        ['Æ'] = "AE", ['Ø'] = "O", ['Œ'] = "OE", ['ß'] = "SS", ['ẞ'] = "SS", ['Ł'] = "L", ['Đ'] = "D", ['Ð'] = "D", ['Þ'] = "TH",
        ['Ħ'] = "H"
    };

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> signatories, Func<T, Guid> id, Func<T, SignatoryKind> kind,
        Func<T, string> name, IReadOnlyList<Guid>? explicitOrder = null, Func<T, string?>? familyName = null)
    {
        var pinned = (explicitOrder ?? []).Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        return signatories
            .OrderBy(s => pinned.TryGetValue(id(s), out var i) ? i : int.MaxValue)
            .ThenBy(s => SortKey(kind(s), name(s), familyName?.Invoke(s)), StringComparer.Ordinal)
            .ThenBy(id)
            .ToList();
    }

    /// <summary>
    /// The unpinned order as one string PostgreSQL can index and page on: organizations before individuals, then the
    /// organization key or family name, then the whole name, each compared ignoring case and accents. Every character
    /// is written as four hex digits of its UTF-16 unit and each part ends in "0000", so comparing two keys character
    /// by character compares the parts in turn, in any collation (only 0-9 and a-f occur). The folding is done here,
    /// not by a PostgreSQL collation: the app runs with invariant globalization, and the key must order the same in
    /// memory (Sort above uses it, so the block in memory and the pages PostgreSQL serves cannot disagree) as in the
    /// database. Each part is cut at the 300-character name limit (a folded "Æ" is two letters), so a key is at most
    /// 2,413 bytes, under PostgreSQL's B-tree entry limit.
    /// </summary>
    public static string SortKey(SignatoryKind kind, string name, string? familyName = null)
    {
        var primary = kind == SignatoryKind.Organization ? OrganizationKey(name)
            : string.IsNullOrWhiteSpace(familyName) ? FamilyName(name) : familyName.Trim();
        var key = new System.Text.StringBuilder(1 + 4 * (2 * MaxPart + 3));
        key.Append(kind == SignatoryKind.Organization ? '0' : '1');
        foreach (var part in (ReadOnlySpan<string>)[Fold(primary), Fold(name)])
        {
            foreach (var c in part.AsSpan(0, Math.Min(part.Length, MaxPart))) key.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            key.Append("0000");
        }
        return key.Append(Format).ToString();
    }

    private const int MaxPart = 300;

    /// <summary>Upper case without accents: "Ärzte" → "ARZTE", "Ñandutí" → "NANDUTI", "Øyvind" → "OYVIND".</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().Normalize(System.Text.NormalizationForm.FormD);
        var folded = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var upper = char.ToUpperInvariant(c);
            folded.Append(Unaccented.TryGetValue(upper, out var spelled) ? spelled : upper);
        }
        // composed again: a Hangul syllable, decomposed into its letters above, is one character as typed
        return folded.ToString().Normalize(System.Text.NormalizationForm.FormC);
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
