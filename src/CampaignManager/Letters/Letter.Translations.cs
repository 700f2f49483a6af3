using System.Text.Json.Serialization;

namespace CampaignManager.Letters;

/// <summary>One version of a translation's text, and the source version it was made from.</summary>
public record TranslationText(int Version, int SourceVersion, string Title, string Subject, string Body, string Closing,
    DateTimeOffset At, string By);

/// <summary>
/// The letter in one more language. <see cref="Stale"/>: its latest version was made from a source version older than
/// the letter's current one, so it may no longer say what the source says; a revision of the translation made from the
/// current source clears it.
/// </summary>
public class Translation
{
    public string Language { get; set; } = "";
    public List<TranslationText> Texts { get; set; } = [];
    public bool Stale { get; set; }

    [JsonIgnore] public TranslationText Current => Texts[^1];
    [JsonIgnore] public int Version => Texts.Count;
}

public partial class Letter
{
    /// <summary>The language the letter is written in; its translations are made from this text.</summary>
    public string SourceLanguage { get; set; } = CampaignManager.Letters.Languages.Default;

    /// <summary>The language whose collation files the block; null: ICU's root collation (see <see cref="LetterDrafted.Collation"/>).</summary>
    public string? Collation { get; set; }

    public List<Translation> Translations { get; set; } = [];

    /// <summary>The source language first, then the translations in the order they were added.</summary>
    [JsonIgnore] public IEnumerable<string> AllLanguages => [SourceLanguage, .. Translations.Select(t => t.Language)];

    public Translation? TranslationInto(string? language) =>
        Translations.FirstOrDefault(t => string.Equals(t.Language, language, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The current text version in <paramref name="language"/>: a signature's version counts in the language it signed,
    /// so null (signatures on the source text) and the source language are the letter's <see cref="TextVersion"/>.
    /// </summary>
    public int VersionIn(string? language) =>
        language is null || string.Equals(language, SourceLanguage, StringComparison.OrdinalIgnoreCase)
            ? TextVersion
            : TranslationInto(language)?.Version ?? TextVersion;

    /// <summary>
    /// Version <paramref name="version"/> of the text in <paramref name="language"/> (null: the source), shaped as a
    /// letter text so diffs and renderings take either; a translation carries the source's addressees of its time.
    /// </summary>
    public LetterText? TextIn(string? language, int version)
    {
        if (language is null || string.Equals(language, SourceLanguage, StringComparison.OrdinalIgnoreCase))
            return Texts.FirstOrDefault(t => t.Version == version);
        if (TranslationInto(language)?.Texts.FirstOrDefault(t => t.Version == version) is not { } text) return null;
        var source = Texts.FirstOrDefault(t => t.Version == text.SourceVersion) ?? Current;
        return new LetterText(text.Version, text.Title, text.Subject, text.Body, text.Closing, source.Addressees, text.At, text.By);
    }

    public void Apply(TranslationAdded e)
    {
        Translations.Add(new Translation
        {
            Language = e.Language,
            Texts = [new TranslationText(1, e.SourceVersion, e.Title, e.Subject, e.Body, e.Closing, e.At, e.By)],
            Stale = e.SourceVersion < TextVersion
        });
        LastChangedAt = e.At;
    }

    public void Apply(TranslationRevised e)
    {
        if (TranslationInto(e.Language) is not { } translation) return;
        translation.Texts.Add(new TranslationText(e.Version, e.SourceVersion, e.Title, e.Subject, e.Body, e.Closing, e.At, e.By));
        translation.Stale = e.SourceVersion < TextVersion;
        LastChangedAt = e.At;
    }

    // A source revision leaves every translation made from an older source version behind it.
    private void MarkStaleTranslations()
    {
        foreach (var translation in Translations) translation.Stale = translation.Current.SourceVersion < TextVersion;
    }
}
