using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Ask every signer who owes a re-confirmation of <see cref="TextVersion"/> and gave an email to answer: after a
/// revision of an open letter (<see cref="OpenLetterRevised"/>) and on staff's reminder; <see cref="LinkBase"/> is the
/// scheme and host the staff member used, so the links point at the same site without a setting of their own.
/// <see cref="Language"/>: whose text changed, null for the source; <see cref="TextVersion"/> is that text's version.
/// A signer is asked only about the text they signed: a French signer signed the French words, so a revision of the
/// source alone (which marks the French translation stale for staff) asks them nothing until the French text changes.
/// </summary>
public record RequestReconfirmations(Guid LetterId, int TextVersion, string LinkBase, bool Reminder = false, string? Language = null);

public static class RequestReconfirmationsHandler
{
    /// <summary>One message per signer, as appeals have one per recipient: one bad address holds up no one else.</summary>
    public static IEnumerable<EmailReconfirmation> Decide(RequestReconfirmations request, IEnumerable<Signature> owing) =>
        owing.Where(s => s.Status == SignatureStatus.Active && s.Language == request.Language && s.SignedVersion < request.TextVersion
                         && !string.IsNullOrWhiteSpace(s.Email))
            .Select(s => new EmailReconfirmation(s.Id, request.LetterId, request.TextVersion, request.LinkBase, request.Reminder));

    public static async Task<OutgoingMessages> Handle(RequestReconfirmations request, IQuerySession session, CancellationToken token)
    {
        var language = request.Language;
        var query = session.Query<Signature>()
            .Where(x => x.LetterId == request.LetterId && x.Status == SignatureStatus.Active && x.SignedVersion < request.TextVersion
                        && x.Email != null);
        var owing = await (language is null ? query.Where(x => x.Language == null) : query.Where(x => x.Language == language))
            .ToListAsync(token);
        var messages = new OutgoingMessages();
        messages.AddRange(Decide(request, owing));
        return messages;
    }

    /// <summary>A revision of an open letter, cascaded by Letters (which does not know its signers), asks them.</summary>
    public static Task<OutgoingMessages> Handle(OpenLetterRevised revised, IQuerySession session, CancellationToken token) =>
        Handle(new RequestReconfirmations(revised.LetterId, revised.TextVersion, revised.LinkBase, Language: revised.Language), session, token);
}
