using CampaignManager.Letters;
using JasperFx;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Signatures;

/// <summary>
/// <c>SignOn:EmailRetentionMonths</c>: signers' emails are kept to reach them about a letter, and a final letter has
/// nothing more to reach them about. Once a letter was finalized that many months ago (by <see cref="TimeProvider"/>),
/// the deadline sweep erases its signers' emails, and only those: names stay, as the letter went out under them.
/// </summary>
public record EraseSignerEmail(Guid SignatureId);

public static class EraseSignerEmailHandler
{
    public const string Reason = "retention";

    /// <summary>A second node's copy, a full erasure meanwhile, or a redelivery finds no email left: nothing.</summary>
    public static SignerEmailErased? Decide(Signature? signature, DateTimeOffset now) =>
        signature is { Email: not null, ErasedAt: null }
            ? new SignerEmailErased(signature.Id, signature.LetterId, Reason, EmailReconfirmationHandler.System, now)
            : null;

    /// <summary>Every node sweeps: two copies meet on the stream's version, and the retry of the loser finds the email gone.</summary>
    public static void Configure(HandlerChain chain) => chain.OnException<ConcurrencyException>().RetryTimes(3);

    public static async Task<OutgoingMessages> HandleAsync(EraseSignerEmail m, IDocumentSession session, TimeProvider clock,
        CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<Signature>(m.SignatureId, token);
        var messages = new OutgoingMessages();
        if (Decide(stream.Aggregate, clock.GetUtcNow()) is not { } erased) return messages;
        stream.AppendOne(erased);
        messages.Add(new MaskSignerData(m.SignatureId, EmailOnly: true));
        return messages;
    }
}

/// <summary>The Signatures part of the deadline sweep (Hosting/DeadlineSweep): emails on letters final for longer than the setting.</summary>
public static class SweepEmailRetentionHandler
{
    public static DateTimeOffset? Cutoff(SignOnSettings settings, DateTimeOffset now) =>
        settings.EmailRetentionMonths is { } months ? now.AddMonths(-months) : null;

    public static async Task<OutgoingMessages> HandleAsync(SweepDeadlines _, IQuerySession session, TimeProvider clock,
        IOptions<SignOnSettings> settings, CancellationToken token)
    {
        var messages = new OutgoingMessages();
        if (Cutoff(settings.Value, clock.GetUtcNow()) is not { } cutoff) return messages;
        var letters = await session.Query<Letter>().Where(l => l.Status == LetterStatus.Final && l.FinalizedAt <= cutoff)
            .Select(l => l.Id).ToListAsync(token);
        if (letters.Count == 0) return messages;
        var due = await session.Query<Signature>().Where(s => s.LetterId.IsOneOf(letters.ToArray()) && s.Email != null)
            .Select(s => s.Id).ToListAsync(token);
        messages.AddRange(due.Select(id => new EraseSignerEmail(id)));
        return messages;
    }
}
