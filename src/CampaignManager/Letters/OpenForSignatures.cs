namespace CampaignManager.Letters;

/// <summary>
/// Open (or re-open) a letter for sign-on, optionally until a deadline, at which it closes by itself; optionally with
/// reminders that many days before it, to the coalition or to staff only.
/// </summary>
public record OpenForSignatures(DateTimeOffset? Deadline = null, IReadOnlyList<int>? RemindDaysBefore = null,
    ReminderAudience? RemindAudience = null);

public static class OpenForSignaturesEndpoint
{
    public static ProblemDetails Validate(OpenForSignatures command, Letter letter, TimeProvider clock)
    {
        var errors = new FieldErrors()
            .When(command.Deadline is { } d && d <= clock.GetUtcNow(), "deadline", "must be in the future");
        ReminderPlan.Check(errors, command.Deadline, command.RemindDaysBefore);
        return errors.Count > 0
            ? Problems.Validation(errors)
            : LetterRules.MustBe(letter, "opened for signatures", LetterStatus.Draft, LetterStatus.Closed);
    }

    // newToken is used only the first time the letter opens; the public link then stays the same.
    public static LetterOpenedForSignatures Decide(Letter letter, OpenForSignatures command, string newToken, string by,
        DateTimeOffset at) =>
        new(letter.Id, command.Deadline, by, at, letter.PublicToken ?? newToken,
            ReminderPlan.From(command.RemindDaysBefore, command.RemindAudience));

    /// <summary>128 random bits, URL-safe: the public link cannot be guessed from the letter id or from other links.</summary>
    public static string NewPublicToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [WolverinePost("/api/letters/{id}/open", Name = "OpenForSignatures")]
    [EndpointSummary("Open a letter for sign-on, optionally until a deadline")]
    [Tags("Letters")]
    public static (LetterState, LetterOpenedForSignatures, OutgoingMessages) Post(OpenForSignatures command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock)
    {
        var opened = Decide(letter, command, NewPublicToken(), context.User.ActorName(), clock.GetUtcNow());
        // scheduled in the same transaction as the event (Marten outbox): the deadline acts even if the app stops now
        return (LetterRules.StateAfter(letter, LetterStatus.Open), opened,
            DeadlineSchedule.For(letter.Id, opened.Deadline, opened.Reminders, opened.At));
    }
}
