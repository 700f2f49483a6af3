using System.Net.Mail;

namespace CampaignManager.Targets;

/// <summary>
/// A target's contact details as stored: trimmed, blanks as null, email lower-cased (so the same address typed
/// twice is recognised as the same target), tags lower-cased and distinct (they are filter keys, not prose).
/// </summary>
public record TargetContact(
    string Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string> Tags)
{
    public const int MaxTags = 50;

    /// <summary>The same rules for the JSON commands and for each CSV row, so an import cannot store what a form cannot.</summary>
    public static FieldErrors Check(FieldErrors errors, string? name, string? title, string? organization, string? email,
        string? address, string? country, IReadOnlyList<string?>? tags)
    {
        errors.Required("name", name, 300)
            .MaxLength("title", title, 300)
            .MaxLength("organization", organization, 300)
            .MaxLength("email", email, 320)
            .MaxLength("address", address, 1000, multiLine: true)
            .MaxLength("country", country, 100)
            .When(!string.IsNullOrWhiteSpace(email) && !IsEmail(email.Trim()), "email", "is not a valid email address")
            .When(tags is { Count: > MaxTags }, "tags", $"must have at most {MaxTags} tags");
        for (var i = 0; tags is not null && i < tags.Count; i++)
            errors.Required($"tags[{i}]", tags[i], 50);
        return errors;
    }

    public static TargetContact Normalize(string name, string? title, string? organization, string? email,
        string? address, string? country, IEnumerable<string?>? tags) =>
        new(name.Trim(), TextRules.TrimToNull(title), TextRules.TrimToNull(organization), TextRules.TrimToNull(email)?.ToLowerInvariant(), TextRules.TrimToNull(address), TextRules.TrimToNull(country),
            (tags ?? []).Select(TextRules.TrimToNull).OfType<string>().Select(t => t.ToLowerInvariant()).Distinct().ToList());

    /// <summary>A bare address (no display name, no spaces) with a dotted domain, as a mail server would accept it.</summary>
    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var parsed)
        && parsed.Address == value
        && !value.Any(char.IsWhiteSpace)
        && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');

    /// <summary>Field-by-field comparison; tags compare as sets since their order carries no meaning.</summary>
    public IReadOnlyList<string> ChangedFrom(TargetContact before)
    {
        var changed = new List<string>();
        if (Name != before.Name) changed.Add("name");
        if (Title != before.Title) changed.Add("title");
        if (Organization != before.Organization) changed.Add("organization");
        if (Email != before.Email) changed.Add("email");
        if (Address != before.Address) changed.Add("address");
        if (Country != before.Country) changed.Add("country");
        if (!Tags.ToHashSet().SetEquals(before.Tags)) changed.Add("tags");
        return changed;
    }
}
