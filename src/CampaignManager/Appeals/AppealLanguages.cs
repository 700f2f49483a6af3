using CampaignManager.Letters;

namespace CampaignManager.Appeals;

/// <summary>
/// Which text each target of an appeal is sent: the translation in its language of correspondence when the letter has
/// one that is not stale, else the source. A stale translation was made from an older source version and may not say
/// what the final letter says, so a mission gets the source rather than words the coalition did not sign off.
/// </summary>
public static class AppealLanguages
{
    public static IReadOnlyList<SentTranslation> Sendable(Letter letter) => letter.Translations.Where(t => !t.Stale)
        .Select(t => new SentTranslation(t.Language, t.Version, t.Current.Title, t.Current.Subject, t.Current.Body, t.Current.Closing))
        .ToList();

    /// <summary>The tag of the text sent to a target writing in <paramref name="correspondence"/> ("fr-CH" takes the French one).</summary>
    public static string For(Letter letter, IReadOnlyList<SentTranslation> sendable, string? correspondence)
    {
        for (var culture = Languages.Normalize(correspondence) is { } tag ? CultureInfo.GetCultureInfo(tag) : null;
             culture is { Name.Length: > 0 }; culture = culture.Parent)
        {
            if (string.Equals(culture.Name, letter.SourceLanguage, StringComparison.OrdinalIgnoreCase)) break;
            if (sendable.FirstOrDefault(t => string.Equals(t.Language, culture.Name, StringComparison.OrdinalIgnoreCase)) is { } t)
                return t.Language;
        }
        return letter.SourceLanguage;
    }
}
