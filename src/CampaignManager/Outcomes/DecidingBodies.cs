using System.Text.RegularExpressions;

namespace CampaignManager.Outcomes;

/// <summary>Who can defeat a draft the majority wants. Article 27 of the Charter: in the Council, only on substance.</summary>
public enum VetoRule { None, OnSubstantiveQuestions }

/// <summary>
/// A body whose decisions the app can hold to its rules: how many members vote, the fewest votes in favour an adoption
/// takes (null: more in favour than against is enough), and who can veto.
/// </summary>
public record DecidingBody(string Name, int Members, int? AdoptionNeeds, VetoRule Veto);

/// <summary>
/// The bodies the app knows, by the names staff type for them ("UN Security Council", "UNSC", "UNGA Third Committee").
/// A body it does not know (a ministry, a regional court) keeps the rules every decision has, and no more: the app
/// would rather accept an odd tally than refuse a real one from a body it cannot count.
/// </summary>
public static partial class DecidingBodies
{
    public static readonly DecidingBody SecurityCouncil = new("UN Security Council", 15, 9, VetoRule.OnSubstantiveQuestions);
    public static readonly DecidingBody GeneralAssembly = new("UN General Assembly", 193, null, VetoRule.None);
    public static readonly DecidingBody HumanRightsCouncil = new("UN Human Rights Council", 47, null, VetoRule.None);

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth", "sixth"];

    /// <summary>The General Assembly's six main committees: every member state sits on each.</summary>
    private static readonly IEnumerable<(string[] Names, DecidingBody Body)> Committees = Ordinals.Select(o => (
        new[] { $"unga {o} committee", $"un general assembly {o} committee", $"general assembly {o} committee", $"ga {o} committee", $"{o} committee" },
        GeneralAssembly with { Name = $"UNGA {char.ToUpperInvariant(o[0])}{o[1..]} Committee" }));

    private static readonly Dictionary<string, DecidingBody> ByName = new (string[] Names, DecidingBody Body)[]
        {
            (["un security council", "security council", "unsc"], SecurityCouncil),
            (["un general assembly", "general assembly", "unga"], GeneralAssembly),
            (["un human rights council", "human rights council", "unhrc", "hrc"], HumanRightsCouncil)
        }
        .Concat(Committees)
        .SelectMany(b => b.Names.Select(n => (n, b.Body)))
        .ToDictionary(x => x.n, x => x.Body);

    /// <summary>Each known body by the name the app gives it, for the forms to suggest.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.Values.Select(b => b.Name).Distinct().ToList();

    /// <summary>The body a decision names, or null when the app does not know it.</summary>
    public static DecidingBody? Find(string? body) => body is null ? null : ByName.GetValueOrDefault(Key(body));

    /// <summary>Case, punctuation, "the", "'s" and "United Nations" spelt out do not make another body.</summary>
    private static string Key(string name)
    {
        var words = NotAWord().Replace(Possessive().Replace(name.ToLowerInvariant(), ""), " ").Trim();
        if (words.StartsWith("the ", StringComparison.Ordinal)) words = words[4..];
        return words.StartsWith("united nations ", StringComparison.Ordinal) ? "un " + words["united nations ".Length..] : words;
    }

    [GeneratedRegex(@"['’]s\b")]
    private static partial Regex Possessive();

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NotAWord();
}
