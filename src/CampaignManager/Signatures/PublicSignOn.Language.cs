using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Which of the letter's texts the page shows and the form signs: an explicit <c>?lang=fr</c> (sent back with the
/// form), else the first of the browser's Accept-Language the letter has a text in, else the source. The page's own
/// strings then speak that language when we have them (Hosting/Localization), so one page speaks one language.
/// </summary>
public partial class PublicSignOnModel
{
    /// <summary>The translation shown (its tag), or null for the source text.</summary>
    public string? Translation { get; private set; }

    /// <summary>The language of the text shown.</summary>
    public string Language => Translation ?? Letter?.SourceLanguage ?? Languages.Default;

    /// <summary>The language of the page's strings: the text's when we have strings in it, else English.</summary>
    public CultureInfo UiCulture => Hosting.Localization.UiCultureFor(Language);

    /// <summary>The text shown, in <see cref="Language"/>, at its current version.</summary>
    public LetterText Text => Letter!.TextIn(Translation, TextVersion)!;

    /// <summary>The current version of the text shown: what a signature on this page stands on.</summary>
    public int TextVersion => Letter!.VersionIn(Translation);

    private void Choose(string? language)
    {
        if (Letter is null) return;
        var asked = language is null
            ? (Request.GetTypedHeaders().AcceptLanguage ?? []).OrderByDescending(a => a.Quality ?? 1).Select(a => a.Value.Value)
            : [language];
        foreach (var tag in asked.Select(Languages.Normalize).OfType<string>())
        {
            // "fr-CH" reads the French text when the letter has no Swiss French one
            for (var culture = CultureInfo.GetCultureInfo(tag); culture.Name.Length > 0; culture = culture.Parent)
            {
                if (string.Equals(culture.Name, Letter.SourceLanguage, StringComparison.OrdinalIgnoreCase)) { Translation = null; return; }
                if (Letter.TranslationInto(culture.Name) is { } t) { Translation = t.Language; return; }
            }
        }
    }
}
