using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Email everyone who still owes a re-confirmation of the current source text once more; one reminder per revision.
/// Signers of a translation are not reminded here: their round follows the translation's revisions (see README).
/// </summary>
public record SendReconfirmationReminder;

public record ReconfirmationReminderAccepted(Guid Id, int TextVersion, int Signers);

/// <summary>How many signers with an email still owe the current version: the reminder's audience.</summary>
public record ReconfirmationAudience(int Signers);

public static class SendReconfirmationReminderEndpoint
{
    public static async Task<ReconfirmationAudience> LoadAsync(Guid id, IDocumentSession session, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return new(0);
        return new(await session.Query<Signature>().CountAsync(x => x.LetterId == id && x.Status == SignatureStatus.Active
            && x.Language == null && x.SignedVersion < letter.TextVersion && x.Email != null, token));
    }

    public static ProblemDetails Validate(Letter letter, ReconfirmationAudience audience) =>
        LetterRules.MustBe(letter, "sent a re-confirmation reminder", LetterStatus.Open).Then(() =>
            letter.ReconfirmationReminderVersion == letter.TextVersion
                ? Problems.Conflict($"The reminder for version {letter.TextVersion} was already sent; signers get one reminder per revision.")
                : audience.Signers == 0
                    ? Problems.Conflict($"No signer with an email still owes a re-confirmation of version {letter.TextVersion}.")
                    : WolverineContinue.NoProblems);

    public static (ReconfirmationReminderRequested, RequestReconfirmations) Decide(Letter letter, string linkBase, string by, DateTimeOffset at) =>
        (new ReconfirmationReminderRequested(letter.Id, letter.TextVersion, by, at),
            new RequestReconfirmations(letter.Id, letter.TextVersion, linkBase, Reminder: true));

    [WolverinePost("/api/letters/{id}/reconfirmation-reminder", Name = "SendReconfirmationReminder")]
    [EndpointSummary("Email signers who still owe a re-confirmation once more (once per revision)")]
    [Tags("Signatures")]
    public static (ReconfirmationReminderAccepted, ReconfirmationReminderRequested, OutgoingMessages) Post(SendReconfirmationReminder command,
        [WriteAggregate] Letter letter, ReconfirmationAudience audience, HttpContext context, TimeProvider clock)
    {
        var (requested, emails) = Decide(letter, $"{context.Request.Scheme}://{context.Request.Host}", context.User.ActorName(), clock.GetUtcNow());
        return (new ReconfirmationReminderAccepted(letter.Id, letter.TextVersion, audience.Signers), requested, [emails]);
    }
}
