namespace CampaignManager.Letters;

/// <summary>
/// A translation into <see cref="Language"/> of the source text's version <see cref="SourceVersion"/> (the current one
/// when not given): translators work from a version they were sent, which may no longer be the latest.
/// </summary>
public record AddTranslation(string Language, string Title, string Subject, string Body, string? Closing = null, int? SourceVersion = null);

public record TranslationAccepted(Guid Id, string Language, int Version, int SourceVersion, bool Stale);

public static class AddTranslationEndpoint
{
    public static ProblemDetails Validate(AddTranslation command, Letter letter)
    {
        var errors = new FieldErrors().Language("language", command.Language);
        errors.Required("title", command.Title, 300)
            .Required("subject", command.Subject, 500)
            .Required("body", command.Body, 100_000, multiLine: true)
            .MaxLength("closing", command.Closing, 500, multiLine: true);
        TranslationRules.SourceVersion(errors, letter, command.SourceVersion);
        if (errors.Count > 0) return Problems.Validation(errors);

        var language = Languages.Normalize(command.Language)!;
        return LetterRules.MustBe(letter, "translated", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed).Then(() =>
            string.Equals(language, letter.SourceLanguage, StringComparison.OrdinalIgnoreCase)
                ? Problems.Validation(new FieldErrors().Add("language", $"is the letter's source language ({letter.SourceLanguage}); revise the letter instead"))
                : letter.TranslationInto(language) is not null
                    ? Problems.Conflict($"The letter already has a {language} translation; revise it at /api/letters/{letter.Id}/translations/{language}/revisions.")
                    : WolverineContinue.NoProblems);
    }

    public static TranslationAdded Decide(Letter letter, AddTranslation command, string by, DateTimeOffset at) =>
        new(letter.Id, Languages.Normalize(command.Language)!, command.SourceVersion ?? letter.TextVersion,
            command.Title.Trim(), command.Subject.Trim(), command.Body, command.Closing?.Trim() ?? "", by, at);

    [WolverinePost("/api/letters/{id}/translations", Name = "AddTranslation")]
    [EndpointSummary("Add a translation of the letter, made from a given source version")]
    [Tags("Letters")]
    public static (TranslationAccepted, TranslationAdded) Post(AddTranslation command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock)
    {
        var added = Decide(letter, command, context.User.ActorName(), clock.GetUtcNow());
        return (new TranslationAccepted(letter.Id, added.Language, 1, added.SourceVersion, added.SourceVersion < letter.TextVersion), added);
    }
}

internal static class TranslationRules
{
    public static FieldErrors SourceVersion(FieldErrors errors, Letter letter, int? sourceVersion) =>
        errors.When(sourceVersion is { } v && (v < 1 || v > letter.TextVersion), "sourceVersion",
            $"must be a version of the source text, 1 to {letter.TextVersion}");
}
