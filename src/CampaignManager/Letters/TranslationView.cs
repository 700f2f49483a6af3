namespace CampaignManager.Letters;

/// <summary>
/// A translation as staff read it (GET /api/letters/{id} and the letter page): its current text, the source version it
/// was made from, and whether the source has moved on since (<see cref="Stale"/>).
/// </summary>
public record TranslationView(string Language, string Name, int Version, int SourceVersion, bool Stale, string Title,
    string Subject, string Body, string Closing, DateTimeOffset At, string By)
{
    public static IReadOnlyList<TranslationView> Of(Letter letter) => letter.Translations.Select(t => new TranslationView(
        t.Language, Languages.EnglishName(t.Language), t.Version, t.Current.SourceVersion, t.Stale, t.Current.Title,
        t.Current.Subject, t.Current.Body, t.Current.Closing, t.Current.At, t.Current.By)).ToList();
}
