using CampaignManager.Letters;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignManager.Signatures;

/// <summary>
/// Which of the letter's texts the print page and the DOCX render, as staff ask with <c>?language=fr</c>: the source
/// when not given, else the source's or a translation's tag (any other is a 400 on <c>language</c>). The signatory
/// block is the same one block in every language. A stale translation is still rendered, since staff print it to review
/// or circulate it, but carries a visible mark saying which source version it was made from, so a stale text never
/// passes for the current one.
/// </summary>
public static class LanguageInPrint
{
    /// <summary>The text rendered: its language, and for a stale translation the note that marks it.</summary>
    public record Printed(string Language, string? StaleNote);

    public static ProblemDetails Validate(LetterDetails details, string? language) =>
        string.IsNullOrWhiteSpace(language) || Choose(details, language) is not null
            ? WolverineContinue.NoProblems
            : Problems.Validation(new FieldErrors().Add("language",
                $"is not one of the letter's languages: {string.Join(", ", [details.SourceLanguage, .. (details.Translations ?? []).Select(t => t.Language)])}"));

    /// <summary>The details with the chosen text in place of the source's (call after <see cref="Validate"/>).</summary>
    public static (LetterDetails Details, Printed Printed) Apply(LetterDetails details, string? language)
    {
        if (string.IsNullOrWhiteSpace(language) || Choose(details, language) is not { } t) return (details, new(details.SourceLanguage, null));
        var note = t.Stale
            ? $"Stale translation: this {t.Name} text (version {t.Version}) was made from version {t.SourceVersion} of the " +
              $"source, which is now at version {details.TextVersion}; it may no longer say what the source says."
            : null;
        return (details with { Title = t.Title, Subject = t.Subject, Body = t.Body, Closing = t.Closing }, new(t.Language, note));
    }

    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(PublicSignOnText));

    /// <summary>
    /// The letter's date as the text's language writes it: English keeps "June 19, 2018"; another language its own
    /// day-month-year with its month names, formatted with that culture explicitly (the app's culture is invariant).
    /// </summary>
    public static string DateLine(DateTimeOffset date, string language) =>
        CultureInfo.GetCultureInfo(language) is var culture && culture.TwoLetterISOLanguageName == "en"
            ? date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)
            : date.ToString("d MMMM yyyy", culture);

    /// <summary>The block's footnote in the text's language (English when we have no strings in it).</summary>
    public static string IdentificationOnlyNote(string language) =>
        Hosting.Localization.In(Hosting.Localization.UiCultureFor(language), () => Text["IdentificationOnlyNote"].Value);

    /// <summary>The translation asked for; null for the source or a language the letter has no text in.</summary>
    private static TranslationView? Choose(LetterDetails details, string language)
    {
        var tag = Languages.Normalize(language);
        if (tag is null) return null;
        if (string.Equals(tag, details.SourceLanguage, StringComparison.OrdinalIgnoreCase))
            return new TranslationView(details.SourceLanguage, "", details.TextVersion, details.TextVersion, false,
                details.Title, details.Subject, details.Body, details.Closing, details.LastChangedAt, "");
        return (details.Translations ?? []).FirstOrDefault(t => string.Equals(t.Language, tag, StringComparison.OrdinalIgnoreCase));
    }
}
