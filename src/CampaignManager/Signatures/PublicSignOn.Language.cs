using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Which of the letter's texts the page shows and the form signs: the source, or a translation the visitor chose
/// (<c>?lang=fr</c>, sent back with the form). A language the letter has no text in shows the source.
/// </summary>
public partial class PublicSignOnModel
{
    /// <summary>The translation shown (its tag), or null for the source text.</summary>
    public string? Translation { get; private set; }

    /// <summary>The language of the text shown.</summary>
    public string Language => Translation ?? Letter?.SourceLanguage ?? Languages.Default;

    /// <summary>The text shown, in <see cref="Language"/>, at its current version.</summary>
    public LetterText Text => Letter!.TextIn(Translation, TextVersion)!;

    /// <summary>The current version of the text shown: what a signature on this page stands on.</summary>
    public int TextVersion => Letter!.VersionIn(Translation);

    private void Choose(string? language)
    {
        var tag = Languages.Normalize(language);
        Translation = Letter?.TranslationInto(tag)?.Language;
    }
}
