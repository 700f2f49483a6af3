using CampaignManager.Organizations;

namespace CampaignManager.Signatures;

/// <summary>
/// When two sign-ons are the same signer: the same email, or the same kind + name + affiliation once case,
/// accents, punctuation and spacing are set aside ("Human Rights Watch" = "human rights  watch.").
/// </summary>
public static class SignerIdentity
{
    public static IReadOnlyList<string> KeysFor(Guid letterId, SignatoryKind kind, string name, string? affiliation, string? email)
    {
        var keys = new List<string>(2)
        {
            $"{letterId:N}|{kind.ToString().ToLowerInvariant()}|{TextRules.NameKey(name)}|{TextRules.NameKey(affiliation ?? "")}"
        };
        if (!string.IsNullOrWhiteSpace(email)) keys.Add($"{letterId:N}|email|{email.Trim().ToLowerInvariant()}");
        return keys;
    }

    /// <summary>What every organization's key on the letter starts with; the normalized name and "|" follow.</summary>
    public static string OrganizationKeyPrefix(Guid letterId) => $"{letterId:N}|organization|";

    /// <summary>
    /// A sign-on under a name the organization is registered under (an alias, an acronym, a merged duplicate's name)
    /// becomes the organization's own, under its registered name. Anything else signs as typed.
    /// </summary>
    public static AddSignatory Resolve(AddSignatory signatory, Organization? registered) =>
        signatory.Kind == SignatoryKind.Organization && registered is { MergedInto: null } organization
            && organization.Keys().Contains(TextRules.NameKey(signatory.Name))
            ? signatory with { Name = organization.Name }
            : signatory;

    /// <summary>Whether a family name is whole words of the name, as typed or without accents ("Marquez" in "García Márquez").</summary>
    public static bool IsPartOfName(string? familyName, string? name)
    {
        if (string.IsNullOrWhiteSpace(familyName)) return true;
        var family = TextRules.NameKey(familyName);
        return family.Length > 0 && $" {TextRules.NameKey(name ?? "")} ".Contains($" {family} ", StringComparison.Ordinal);
    }
}
