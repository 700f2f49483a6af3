namespace CampaignManager.Letters;

/// <summary>
/// A new version of a translation. Omitted parts stay as they are; <see cref="SourceVersion"/> is the source version
/// the translator worked from (the current one when not given), so a revision that catches up with the source clears
/// the stale mark. <see cref="BasedOnVersion"/> guards against overwriting another translator's revision, as for the source.
/// </summary>
public record ReviseTranslation(string? Title = null, string? Subject = null, string? Body = null, string? Closing = null,
    int? SourceVersion = null, string? Note = null, int? BasedOnVersion = null);

public static class ReviseTranslationEndpoint
{
    public static ProblemDetails Validate(ReviseTranslation command, Letter letter, string language)
    {
        var errors = new FieldErrors();
        if (command.Title is not null) errors.Required("title", command.Title, 300);
        if (command.Subject is not null) errors.Required("subject", command.Subject, 500);
        if (command.Body is not null) errors.Required("body", command.Body, 100_000, multiLine: true);
        errors.MaxLength("closing", command.Closing, 500, multiLine: true).MaxLength("note", command.Note, 1000, multiLine: true);
        TranslationRules.SourceVersion(errors, letter, command.SourceVersion);
        if (errors.Count > 0) return Problems.Validation(errors);

        if (letter.TranslationInto(language) is not { } translation)
            return Problems.NotFound("Translation", $"{letter.Id}/{language}");
        return LetterRules.MustBe(letter, "translated", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed).Then(() =>
            command.BasedOnVersion is { } based && based != translation.Version
                ? Problems.Conflict($"This revision was based on version {based} of the {translation.Language} translation, but it is now at version {translation.Version}. Reload and apply your changes again.")
                : Problems.Validation(new FieldErrors().When(
                    Changes(translation.Current, command).Count == 0 && (command.SourceVersion ?? letter.TextVersion) == translation.Current.SourceVersion,
                    "revision", $"changes nothing compared to version {translation.Version} of the {translation.Language} translation")));
    }

    public static TranslationRevised Decide(Letter letter, string language, ReviseTranslation command, string by, DateTimeOffset at)
    {
        var translation = letter.TranslationInto(language)!;
        var current = translation.Current;
        return new TranslationRevised(letter.Id, translation.Language, translation.Version + 1, command.SourceVersion ?? letter.TextVersion,
            command.Title?.Trim() ?? current.Title, command.Subject?.Trim() ?? current.Subject, command.Body ?? current.Body,
            command.Closing?.Trim() ?? current.Closing, Changes(current, command), TextRules.TrimToNull(command.Note), by, at);
    }

    public static IReadOnlyList<string> Changes(TranslationText current, ReviseTranslation command)
    {
        var changed = new List<string>();
        if (command.Title is not null && command.Title.Trim() != current.Title) changed.Add("title");
        if (command.Subject is not null && command.Subject.Trim() != current.Subject) changed.Add("subject");
        if (command.Body is not null && command.Body != current.Body) changed.Add("body");
        if (command.Closing is not null && command.Closing.Trim() != current.Closing) changed.Add("closing");
        return changed;
    }

    /// <summary>
    /// The signers of this translation owe a re-confirmation when its words changed on an open letter; a revision that
    /// only records a newer source version (the words held) asks no one.
    /// </summary>
    public static IEnumerable<OpenLetterRevised> ForSigners(Letter letter, TranslationRevised revised, HttpRequest request) =>
        letter.Status == LetterStatus.Open && revised.Changed.Count > 0
            ? [new OpenLetterRevised(letter.Id, revised.Version, $"{request.Scheme}://{request.Host}", revised.Language)]
            : [];

    [WolverinePost("/api/letters/{id}/translations/{language}/revisions", Name = "ReviseTranslation")]
    [EndpointSummary("Revise a translation: a new version of it, made from a given source version")]
    [Tags("Letters")]
    public static (TranslationAccepted, TranslationRevised, OutgoingMessages) Post(ReviseTranslation command, string language,
        [WriteAggregate] Letter letter, HttpContext context, TimeProvider clock)
    {
        var revised = Decide(letter, language, command, context.User.ActorName(), clock.GetUtcNow());
        var emails = new OutgoingMessages();
        emails.AddRange(ForSigners(letter, revised, context.Request));
        return (new TranslationAccepted(letter.Id, revised.Language, revised.Version, revised.SourceVersion,
            revised.SourceVersion < letter.TextVersion), revised, emails);
    }
}
