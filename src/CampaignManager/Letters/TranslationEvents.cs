namespace CampaignManager.Letters;

/// <summary>
/// A translation of the letter into <see cref="Language"/>, made from the source text's version
/// <see cref="SourceVersion"/>: the translation's own text version 1. The addressees stay the source's.
/// </summary>
public record TranslationAdded(
    Guid LetterId, string Language, int SourceVersion, string Title, string Subject, string Body, string Closing,
    string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// A new text version <see cref="Version"/> of the translation into <see cref="Language"/>, made from source version
/// <see cref="SourceVersion"/>; <see cref="Changed"/> names the parts that differ from its previous version.
/// </summary>
public record TranslationRevised(
    Guid LetterId, string Language, int Version, int SourceVersion, string Title, string Subject, string Body, string Closing,
    IReadOnlyList<string> Changed, string? Note, string By, DateTimeOffset At) : ILetterEvent;
