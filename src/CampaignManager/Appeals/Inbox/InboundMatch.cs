namespace CampaignManager.Appeals.Inbox;

/// <summary>Which recipient an inbound message concerns, and how that was found.</summary>
public sealed record InboundMatch(Guid AppealId, Guid TargetId, string How)
{
    /// <summary>
    /// First the Message-IDs it refers to (a DSN's returned message, In-Reply-To, References), each checked against
    /// the Message-ID the recipient was sent; then, for a bounce, its Final-Recipient address; otherwise the sender's
    /// address and the subject's conversation. The newest appeal wins where several fit.
    /// </summary>
    public static async Task<InboundMatch?> FindAsync(IQuerySession session, MimeMessage message, InboundClass kind, CancellationToken token)
    {
        var bounce = kind switch { InboundClass.Bounce b => b.Facts, InboundClass.DeliveryNotice n => n.Facts, _ => null };
        foreach (var (appealId, targetId, messageId) in InboundDecision.Referenced(message, bounce?.OriginalMessageId))
        {
            var recipient = await session.LoadAsync<AppealRecipient>(AppealRecipient.StreamId(appealId, targetId), token);
            if (string.Equals(recipient?.MessageId, messageId, StringComparison.OrdinalIgnoreCase)) return new(appealId, targetId, "message-id");
        }
        if (bounce is not null)
        {
            if (bounce.FinalRecipient is not { } address) return null;
            var sentThere = await SentToAsync(session, address, token);
            return sentThere.FirstOrDefault() is { } r ? new(r.AppealId, r.TargetId, "final-recipient") : null;
        }
        if (message.From.Mailboxes.FirstOrDefault()?.Address is not { } from) return null;
        var candidates = await SentToAsync(session, from, token);
        if (candidates.Count == 0) return null;
        var appeals = await session.LoadManyAsync<Appeal>(token, candidates.Select(c => c.AppealId).Distinct());
        var conversation = InboundDecision.Conversation(message.Subject);
        var subjects = appeals.ToDictionary(a => a.Id, a => InboundDecision.Conversation(a.Sent.Subject));
        return candidates.FirstOrDefault(c => subjects.GetValueOrDefault(c.AppealId) == conversation) is { } match
            ? new(match.AppealId, match.TargetId, "sender-and-subject")
            : null;
    }

    private static async Task<IReadOnlyList<AppealRecipient>> SentToAsync(IQuerySession session, string address, CancellationToken token)
    {
        var lower = address.Trim().ToLowerInvariant();
        var recipients = await session.Query<AppealRecipient>().Where(r => r.Email != null && r.Email.ToLower() == lower && r.SentAt != null)
            .ToListAsync(token);
        return recipients.OrderByDescending(r => r.SentAt).ToList();
    }
}
