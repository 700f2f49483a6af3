namespace CampaignManager.Letters;

/// <summary>
/// A new text version. Omitted parts stay as they are. <see cref="BasedOnVersion"/>, when given, is the text version
/// the editor started from: if someone else revised in between, the revision is refused instead of overwriting theirs.
/// </summary>
public record ReviseLetter(
    string? Title = null, string? Subject = null, string? Body = null, string? Closing = null,
    IReadOnlyList<Addressee>? Addressees = null, string? Note = null, int? BasedOnVersion = null);

public record LetterRevisionAccepted(Guid Id, int TextVersion, IReadOnlyList<string> Changed);

/// <summary>
/// An open letter's text changed, so its signers owe a re-confirmation of <see cref="TextVersion"/>. Letters does not
/// know its signers: Signatures handles this by asking them (RequestReconfirmationsHandler). <see cref="LinkBase"/> is
/// the scheme and host the staff member used, so the links point at the same site without a setting of their own.
/// <see cref="Language"/> is null for the source text; a translation's revision names its language, and then
/// <see cref="TextVersion"/> is the translation's version: only the signers of that text are asked.
/// </summary>
public record OpenLetterRevised(Guid LetterId, int TextVersion, string LinkBase, string? Language = null);

public static class ReviseLetterEndpoint
{
    public static ProblemDetails Validate(ReviseLetter command, Letter letter)
    {
        var errors = new FieldErrors();
        if (command.Title is not null) errors.Required("title", command.Title, 300);
        if (command.Subject is not null) errors.Required("subject", command.Subject, 500);
        if (command.Body is not null) errors.Required("body", command.Body, 100_000, multiLine: true);
        errors.MaxLength("note", command.Note, 1000, multiLine: true);
        DraftLetter.ValidateClosingAndAddressees(errors, command.Closing, command.Addressees);
        if (errors.Count > 0) return Problems.Validation(errors);

        return LetterRules.MustBe(letter, "revised", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed).Then(() =>
            command.BasedOnVersion is { } based && based != letter.TextVersion
                ? Problems.Conflict($"This revision was based on version {based}, but the letter is now at version {letter.TextVersion}. Reload and apply your changes again.")
                : Problems.Validation(new FieldErrors().When(Changes(letter.Current, command).Count == 0, "revision",
                    $"changes nothing compared to version {letter.TextVersion}")));
    }

    public static LetterRevised Decide(Letter letter, ReviseLetter command, string by, DateTimeOffset at)
    {
        var current = letter.Current;
        return new LetterRevised(letter.Id, letter.TextVersion + 1,
            command.Title?.Trim() ?? current.Title,
            command.Subject?.Trim() ?? current.Subject,
            command.Body ?? current.Body,
            command.Closing?.Trim() ?? current.Closing,
            command.Addressees?.Select(DraftLetterEndpoint.Normalize).ToList() ?? current.Addressees,
            Changes(current, command), TextRules.TrimToNull(command.Note), by, at);
    }

    /// <summary>The message a revision cascades, or none: only an open letter's signers can still answer.</summary>
    public static IEnumerable<OpenLetterRevised> ForSigners(Letter letter, LetterRevised revised, HttpRequest request) =>
        letter.Status == LetterStatus.Open
            ? [new OpenLetterRevised(letter.Id, revised.TextVersion, $"{request.Scheme}://{request.Host}")]
            : [];

    /// <summary>The parts of the text a revision really changes; a resent identical field is not a change.</summary>
    public static IReadOnlyList<string> Changes(LetterText current, ReviseLetter command)
    {
        var changed = new List<string>();
        if (command.Title is not null && command.Title.Trim() != current.Title) changed.Add("title");
        if (command.Subject is not null && command.Subject.Trim() != current.Subject) changed.Add("subject");
        if (command.Body is not null && command.Body != current.Body) changed.Add("body");
        if (command.Closing is not null && command.Closing.Trim() != current.Closing) changed.Add("closing");
        if (command.Addressees is not null && !command.Addressees.Select(DraftLetterEndpoint.Normalize)
                .SequenceEqual(current.Addressees)) changed.Add("addressees");
        return changed;
    }

    [WolverinePost("/api/letters/{id}/revisions", Name = "ReviseLetter")]
    [EndpointSummary("Revise the text: a new version, recording what changed")]
    [Tags("Letters")]
    // The signers' emails commit with the revision through the outbox: none without it, and none lost after it.
    public static (LetterRevisionAccepted, LetterRevised, OutgoingMessages) Post(ReviseLetter command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock)
    {
        var revised = Decide(letter, command, context.User.ActorName(), clock.GetUtcNow());
        var emails = new OutgoingMessages();
        emails.AddRange(ForSigners(letter, revised, context.Request));
        return (new LetterRevisionAccepted(letter.Id, revised.TextVersion, revised.Changed), revised, emails);
    }
}
