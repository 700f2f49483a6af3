using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Email everyone who still owes a re-confirmation once more: signers of the source who owe its current version, and
/// signers of each translation who owe that translation's current version. One reminder per revision of each text: a
/// text already reminded at its current version is left out, and a translation revised since its reminder is due again.
/// </summary>
public record SendReconfirmationReminder;

/// <summary><see cref="Languages"/>: the texts reminded, "source" for the source and a translation's tag otherwise.</summary>
public record ReconfirmationReminderAccepted(Guid Id, int TextVersion, int Signers, IReadOnlyList<string>? Languages = null);

/// <summary>Signers with an email who owe <see cref="TextVersion"/> of one text (<see cref="Language"/> null: the source).</summary>
public record TextAudience(string? Language, int TextVersion, int Signers);

/// <summary>How many signers with an email still owe their text's current version, per text: the reminder's audience.</summary>
public record ReconfirmationAudience(IReadOnlyList<TextAudience> Texts)
{
    public int Signers => Texts.Sum(t => t.Signers);
}

public static class SendReconfirmationReminderEndpoint
{
    public static async Task<ReconfirmationAudience> LoadAsync(Guid id, IDocumentSession session, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return new([]);
        var owing = session.Query<Signature>().Where(x => x.LetterId == id && x.Status == SignatureStatus.Active && x.Email != null);
        var version = letter.TextVersion;
        var texts = new List<TextAudience> { new(null, version, await owing.CountAsync(x => x.Language == null && x.SignedVersion < version, token)) };
        // one count per translation: a letter has a handful of languages, and each is its own round
        foreach (var t in letter.Translations)
        {
            var (language, current) = (t.Language, t.Version);
            texts.Add(new(language, current, await owing.CountAsync(x => x.Language == language && x.SignedVersion < current, token)));
        }
        return new(texts);
    }

    /// <summary>The texts whose signers this reminder reaches: someone owes the current version and it was not yet reminded.</summary>
    public static IReadOnlyList<TextAudience> Due(Letter letter, ReconfirmationAudience audience) =>
        [.. audience.Texts.Where(t => t.Signers > 0 && !letter.RemindedAtCurrentVersion(t.Language))];

    public static ProblemDetails Validate(Letter letter, ReconfirmationAudience audience) =>
        LetterRules.MustBe(letter, "sent a re-confirmation reminder", LetterStatus.Open).Then(() =>
            Due(letter, audience).Count > 0 ? WolverineContinue.NoProblems
            : audience.Signers > 0 || letter.RemindedAtCurrentVersion(null)
                ? Problems.Conflict(letter.Translations.Count == 0
                    ? $"The reminder for version {letter.TextVersion} was already sent; signers get one reminder per revision."
                    : "The reminder for the current version of each text was already sent; signers get one reminder per revision of the text they signed.")
                : Problems.Conflict(letter.Translations.Count == 0
                    ? $"No signer with an email still owes a re-confirmation of version {letter.TextVersion}."
                    : "No signer with an email still owes a re-confirmation of the current version of the text they signed."));

    /// <summary>One recorded reminder and one request per text due; each request emails that text's signers in its language.</summary>
    public static (IReadOnlyList<ReconfirmationReminderRequested> Requested, IReadOnlyList<RequestReconfirmations> Emails) Decide(
        Letter letter, ReconfirmationAudience audience, string linkBase, string by, DateTimeOffset at)
    {
        var due = Due(letter, audience);
        return ([.. due.Select(t => new ReconfirmationReminderRequested(letter.Id, t.TextVersion, by, at, t.Language))],
            [.. due.Select(t => new RequestReconfirmations(letter.Id, t.TextVersion, linkBase, Reminder: true, Language: t.Language))]);
    }

    [WolverinePost("/api/letters/{id}/reconfirmation-reminder", Name = "SendReconfirmationReminder")]
    [EndpointSummary("Email signers who still owe a re-confirmation once more (once per revision of each text)")]
    [Tags("Signatures")]
    public static (ReconfirmationReminderAccepted, Events, OutgoingMessages) Post(SendReconfirmationReminder command,
        [WriteAggregate] Letter letter, ReconfirmationAudience audience, HttpContext context, TimeProvider clock)
    {
        var due = Due(letter, audience);
        var (requested, emails) = Decide(letter, audience, $"{context.Request.Scheme}://{context.Request.Host}", context.User.ActorName(), clock.GetUtcNow());
        var messages = new OutgoingMessages();
        messages.AddRange(emails);
        return (new ReconfirmationReminderAccepted(letter.Id, letter.TextVersion, due.Sum(t => t.Signers), [.. due.Select(t => t.Language ?? "source")]),
            new Events(requested), messages);
    }
}
