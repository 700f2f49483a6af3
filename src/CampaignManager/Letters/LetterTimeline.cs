using CampaignManager.Signatures;
using JasperFx.Events;
using Marten;

namespace CampaignManager.Letters;

/// <summary>
/// Every event of a letter: its own stream and the streams of all signatures ever made on it, in the order they
/// happened. History is read from it directly, and "as of" views fold it up to a moment.
/// </summary>
public static class LetterTimeline
{
    public static async Task<IReadOnlyList<IEvent>> LoadAsync(IQuerySession session, Guid letterId, CancellationToken token)
    {
        var signatureIds = await session.Query<Signature>().Where(x => x.LetterId == letterId).Select(x => x.Id).ToListAsync(token);
        var streams = signatureIds.Append(letterId).ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId.IsOneOf(streams))
            .OrderBy(e => e.Sequence)
            .ToListAsync(token);
        return events.OrderBy(e => (e.Data as ILetterEvent)?.At ?? e.Timestamp).ThenBy(e => e.Sequence).ToList();
    }

    /// <summary>The letter and its signatures as they stood at <paramref name="asOf"/>, by each event's own time.</summary>
    public static (Letter? Letter, IReadOnlyList<Signature> Signatures) AsOf(IReadOnlyList<IEvent> timeline, Guid letterId,
        DateTimeOffset asOf)
    {
        var until = timeline.Where(e => e.Data is ILetterEvent le && le.At <= asOf).ToList();
        var letter = Letter.Fold(until.Where(e => e.StreamId == letterId).Select(e => e.Data));
        var signatures = until.Where(e => e.StreamId != letterId)
            .GroupBy(e => e.StreamId)
            .Select(g => Signature.Fold(g.Select(e => e.Data)))
            .OfType<Signature>()
            .ToList();
        return (letter, signatures);
    }
}
