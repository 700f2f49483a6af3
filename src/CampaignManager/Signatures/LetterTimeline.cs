using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Every event of a letter: its own stream and the streams of all signatures ever made on it, in the order they
/// happened. History is read from it directly, and "as of" views fold it up to a moment. In Signatures, as every view
/// of the letter with its signatures is (see <see cref="LetterDetails"/>).
/// </summary>
public static class LetterTimeline
{
    public static async Task<IReadOnlyList<IEvent>> LoadAsync(IQuerySession session, Guid letterId, CancellationToken token)
    {
        var signatureIds = await session.Query<Signature>().Where(x => x.LetterId == letterId).Select(x => x.Id).ToListAsync(token);
        return await StreamsAsync(session, [.. signatureIds, letterId], token);
    }

    /// <summary>
    /// The events of several letters and their signatures, plus any <paramref name="others"/> streams, in one query:
    /// a campaign's timeline, without a round trip per letter.
    /// </summary>
    public static async Task<IReadOnlyList<IEvent>> LoadManyAsync(IQuerySession session, Guid[] letterIds, Guid[] others,
        CancellationToken token)
    {
        var signatureIds = letterIds.Length == 0
            ? []
            : await session.Query<Signature>().Where(x => x.LetterId.IsOneOf(letterIds)).Select(x => x.Id).ToListAsync(token);
        return await StreamsAsync(session, [.. others, .. letterIds, .. signatureIds], token);
    }

    private static async Task<IReadOnlyList<IEvent>> StreamsAsync(IQuerySession session, Guid[] streams, CancellationToken token)
    {
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(streams))
            .OrderBy(e => e.Sequence)
            .ToListAsync(token);
        return events.OrderBy(e => (e.Data as ILetterEvent)?.At ?? e.Timestamp).ThenBy(e => e.Sequence).ToList();
    }

    /// <summary>
    /// The same answer as <see cref="AsOf"/> over the whole timeline, without reading every signature's events: a
    /// signature whose stream is one SignatureAdded and is active is exactly its inline document (folding that one
    /// event is what made it), so only the letter and the streams with more to them (withdrawn, re-confirmed,
    /// approved, awaiting approval: the few) are read and folded. Those keep the timeline's order, which is what
    /// orders withdrawn and pending signatures that share a moment; the active block has its own total order.
    /// </summary>
    public static async Task<(Letter? Letter, IReadOnlyList<Signature> Signatures)> AsOfAsync(IQuerySession session,
        Guid letterId, DateTimeOffset asOf, CancellationToken token)
    {
        var documents = await session.Query<Signature>().Where(x => x.LetterId == letterId).ToListAsync(token);
        var folded = documents.Where(s => !IsOneActiveSigning(s)).Select(s => s.Id).Append(letterId).ToArray();
        var (letter, changed) = AsOf(await StreamsAsync(session, folded, token), letterId, asOf);
        return (letter, [.. changed, .. documents.Where(s => IsOneActiveSigning(s) && Happened.At(s.SignedOn, s.SignedAt) <= asOf)]);
    }

    private static bool IsOneActiveSigning(Signature s) => s is { Version: 1, Status: SignatureStatus.Active };

    /// <summary>
    /// The letter and its signatures as they stood at <paramref name="asOf"/>, by when each event happened (a signature
    /// recorded later with the day it was given counts from that day), folded in the timeline's order.
    /// </summary>
    public static (Letter? Letter, IReadOnlyList<Signature> Signatures) AsOf(IReadOnlyList<IEvent> timeline, Guid letterId,
        DateTimeOffset asOf)
    {
        var until = timeline.Where(e => e.Data is ILetterEvent le && Happened.By(le, le.At, asOf)).ToList();
        var letter = Letter.Fold(until.Where(e => e.StreamId == letterId).Select(e => e.Data));
        var signatures = until.Where(e => e.StreamId != letterId)
            .GroupBy(e => e.StreamId)
            .Select(g => Signature.Fold(g.Select(e => e.Data)))
            .OfType<Signature>()
            .ToList();
        return (letter, signatures);
    }
}
