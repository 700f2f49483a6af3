using System.Globalization;

namespace CampaignManager.Signatures;

/// <summary>
/// How a signatory block prints: organizations by name ignoring a leading "The", then individuals by family name.
/// Staff can pin an explicit order; pinned signatures come first in that order, the rest follow by the rule.
/// </summary>
public static class SignatoryOrder
{
    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase)
        { "jr", "sr", "ii", "iii", "iv", "phd", "md", "esq", "obe", "cbe", "kbe", "mbe" };

    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> signatories, Func<T, Guid> id, Func<T, SignatoryKind> kind,
        Func<T, string> name, IReadOnlyList<Guid>? explicitOrder = null)
    {
        var pinned = (explicitOrder ?? []).Select((x, i) => (x, i)).ToDictionary(p => p.x, p => p.i);
        return signatories
            .OrderBy(s => pinned.TryGetValue(id(s), out var i) ? i : int.MaxValue)
            .ThenBy(s => SortKey(kind(s), name(s)), StringComparer.Ordinal)
            .ThenBy(id)
            .ToList();
    }

    /// <summary>
    /// The unpinned order as one string PostgreSQL can index and page on: organizations before individuals, then the
    /// organization key or family name, then the whole name, each compared ignoring case. Every character is written
    /// as four hex digits of its upper-case UTF-16 unit and each part ends in "0000", so comparing two keys character
    /// by character compares the parts in turn, in any collation (only 0-9 and a-f occur). Sort above uses this key
    /// too, so the block in memory and the pages PostgreSQL serves cannot disagree. At the 300-character name limit a
    /// key is at most 2,409 bytes, under PostgreSQL's B-tree entry limit.
    /// </summary>
    public static string SortKey(SignatoryKind kind, string name)
    {
        var primary = kind == SignatoryKind.Organization ? OrganizationKey(name) : FamilyName(name);
        var key = new System.Text.StringBuilder(1 + 4 * (primary.Length + name.Length + 2));
        key.Append(kind == SignatoryKind.Organization ? '0' : '1');
        foreach (var part in (ReadOnlySpan<string>)[primary, name])
        {
            foreach (var c in part.ToUpperInvariant()) key.Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            key.Append("0000");
        }
        return key.ToString();
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
