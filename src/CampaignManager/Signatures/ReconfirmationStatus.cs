using CampaignManager.Letters;

namespace CampaignManager.Signatures;

public enum ReconfirmationState { Pending, NoEmail, Reconfirmed, Withdrawn }

/// <summary>One signer asked to re-confirm the current text: when they were emailed and whether they answered.</summary>
/// <see cref="Language"/>: the translation the signer signed (null: the source), whose version <see cref="SignedVersion"/> counts in.
public record ReconfirmationSigner(Guid SignatureId, string Name, string? Email, int SignedVersion, ReconfirmationState State,
    DateTimeOffset? EmailedAt, DateTimeOffset? RemindedAt, DateTimeOffset? AnsweredAt, string? EmailError, string? Language = null);

/// <summary>The current revision's round of re-confirmations, as the staff panel shows it.</summary>
public record ReconfirmationRound(Guid LetterId, int TextVersion, bool ReminderSent, bool CanRemind, IReadOnlyList<ReconfirmationSigner> Signers)
{
    public int Pending => Signers.Count(s => s.State == ReconfirmationState.Pending);
}

/// <summary>
/// Read from the signature documents, which carry the emailing facts: signers who owe the current version now, those
/// who were emailed about it, and those who re-confirmed it (through their link, or through staff when they gave no email).
/// </summary>
public static class ReconfirmationStatus
{
    public static ReconfirmationSigner Row(Signature s, int textVersion) => new(s.Id, s.Name, s.Email, s.SignedVersion,
        s.Status == SignatureStatus.Withdrawn ? ReconfirmationState.Withdrawn
        : s.SignedVersion >= textVersion ? ReconfirmationState.Reconfirmed
        : string.IsNullOrWhiteSpace(s.Email) ? ReconfirmationState.NoEmail
        : ReconfirmationState.Pending,
        s.ReconfirmationVersion == textVersion ? s.ReconfirmationEmailedAt : null,
        s.ReconfirmationVersion == textVersion ? s.ReconfirmationRemindedAt : null,
        s.Status == SignatureStatus.Withdrawn ? s.WithdrawnAt : s.SignedVersion >= textVersion ? s.ReconfirmedAt : null,
        s.ReconfirmationVersion == textVersion ? s.ReconfirmationEmailError : null);

    public static async Task<ReconfirmationRound> LoadAsync(IQuerySession session, Letter letter, CancellationToken token)
    {
        var version = letter.TextVersion;
        var signatures = await session.Query<Signature>()
            // the source text's round: a translation's signers are asked about their own text's revisions
            .Where(x => x.LetterId == letter.Id && x.Language == null && ((x.Status == SignatureStatus.Active && x.SignedVersion < version)
                || x.ReconfirmationVersion == version || (x.SignedVersion == version && x.ReconfirmedAt != null)))
            .OrderBy(x => x.SortKey)
            .ToListAsync(token);
        var rows = signatures.Select(s => Row(s, version)).ToList();
        if (letter.Translations.Count > 0)
        {
            // a translation's signers owe, or answered, their own text's current version; listed after the source's
            var translated = await LetterSigners.TranslationSignersAsync(session, letter.Id, token);
            rows.AddRange(translated
                .Where(s => letter.VersionIn(s.Language) is var v && (s.SignedVersion < v || s.ReconfirmationVersion == v || (s.SignedVersion == v && s.ReconfirmedAt != null)))
                .OrderBy(s => s.SortKey)
                .Select(s => Row(s, letter.VersionIn(s.Language)) with { Language = s.Language }));
        }
        // each text has its own reminder per revision (see SendReconfirmationReminder)
        var reminded = letter.RemindedAtCurrentVersion(null);
        return new ReconfirmationRound(letter.Id, version, reminded, letter.Status == LetterStatus.Open
            && rows.Any(r => r.State == ReconfirmationState.Pending && !letter.RemindedAtCurrentVersion(r.Language)), rows);
    }

    [WolverineGet("/api/letters/{id}/reconfirmations", Name = "GetReconfirmations")]
    [EndpointSummary("Who was asked to re-confirm the current text, when they were emailed and whether they answered")]
    [Tags("Signatures")]
    [ProducesResponseType<ReconfirmationRound>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token) =>
        await session.LoadAsync<Letter>(id, token) is { } letter
            ? Results.Ok(await LoadAsync(session, letter, token))
            : Results.Problem(Problems.NotFound("Letter", id));
}
