namespace CampaignManager.Letters;

/// <summary>
/// The languages a letter may be written or translated in: any culture ICU knows, named by its BCP 47 tag ("fr",
/// "es-419", "zh-Hans"). The app ships with ICU (Hosting/Collation), so CultureInfo knows what ICU knows, and
/// predefinedOnly refuses a well-formed tag ICU has never heard of ("xx") instead of making up a culture for it.
/// A tag is kept in CultureInfo's spelling ("FR-ca" becomes "fr-CA"), so one language never appears twice.
/// </summary>
public static class Languages
{
    /// <summary>A letter drafted before it could say, or without saying, is written in English.</summary>
    public const string Default = "en";

    public static string? Normalize(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35) return null;
        try
        {
            var culture = CultureInfo.GetCultureInfo(tag.Trim(), predefinedOnly: true);
            return culture.Name.Length == 0 ? null : culture.Name; // "" is the invariant culture: no language at all
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }

    public static FieldErrors Language(this FieldErrors errors, string field, string? tag, bool required = true)
    {
        if (tag is null) return required ? errors.Add(field, "is required: a language tag such as \"fr\" or \"es\"") : errors;
        return errors.When(Normalize(tag) is null, field, "is not a language tag ICU knows, e.g. \"en\", \"fr\", \"es\" or \"ar\"");
    }

    /// <summary>"French", "Arabic": the language's English name, for staff pages.</summary>
    public static string EnglishName(string tag) => CultureInfo.GetCultureInfo(tag).EnglishName;

    /// <summary>"français", "العربية": the language's name in itself, for a signer choosing a text.</summary>
    public static string NativeName(string tag) => CultureInfo.GetCultureInfo(tag).NativeName;

    public static bool RightToLeft(string tag) => CultureInfo.GetCultureInfo(tag).TextInfo.IsRightToLeft;
}
