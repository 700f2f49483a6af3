using CampaignManager.Hosting;

namespace CampaignManager.Signatures;

/// <summary>A public signature whose email was not confirmed by its <see cref="Signature.ConfirmEmailBy"/> is discarded.</summary>
public record ExpireSignatureConfirmation(Guid SignatureId);

public static class ExpireSignatureConfirmationHandler
{
    public const string Actor = "confirmation expiry";

    /// <summary>Nothing when it was confirmed, withdrawn or already expired meanwhile, or is not due yet by the clock.</summary>
    public static SignatureConfirmationExpired? Decide(Signature? signature, DateTimeOffset now) =>
        signature is { Status: SignatureStatus.AwaitingEmailConfirmation, ConfirmEmailBy: { } due } && now >= due
            ? new SignatureConfirmationExpired(signature.Id, signature.LetterId, due, Actor, now)
            : null;

    // Only the signature's own stream: an unconfirmed signature is in no block, so no letter gate is needed. A
    // confirmation racing this meets it on the stream's version, and the loser is retried or refused.
    public static async Task HandleAsync(ExpireSignatureConfirmation m, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Signature>(m.SignatureId, token);
        if (Decide(stream.Aggregate, clock.GetUtcNow()) is { } expired) stream.AppendOne(expired);
    }
}

/// <summary>The Signatures part of the deadline sweep (Hosting/DeadlineSweep): unconfirmed signatures now due by the clock.</summary>
public static class SweepSignatureConfirmationsHandler
{
    public static async Task<OutgoingMessages> HandleAsync(SweepDeadlines _, IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var due = await session.Query<Signature>()
            .Where(s => s.Status == SignatureStatus.AwaitingEmailConfirmation && s.ConfirmEmailBy <= now)
            .Select(s => s.Id).ToListAsync(token);
        var messages = new OutgoingMessages();
        messages.AddRange(due.Select(id => new ExpireSignatureConfirmation(id)));
        return messages;
    }
}
