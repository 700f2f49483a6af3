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
            .ThenBy(s => kind(s) == SignatoryKind.Organization ? 0 : 1)
            .ThenBy(s => kind(s) == SignatoryKind.Organization ? OrganizationKey(name(s)) : FamilyName(name(s)),
                StringComparer.OrdinalIgnoreCase)
            .ThenBy(s => name(s), StringComparer.OrdinalIgnoreCase)
            .ThenBy(id)
            .ToList();
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
