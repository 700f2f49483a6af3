using CampaignManager.Outcomes;

namespace CampaignManager.Campaigns;

/// <summary>
/// When each event of a campaign's stream happened, for "as of" reads. Most events say so themselves
/// (<see cref="Happened"/>). An outcome is one decision however often its record was mended: all its events (recorded,
/// corrected, retracted) and the member votes it put in the whip count happen on its decision's day as last corrected.
/// So "as of" a moment shows the decision as the record now stands, or not at all, and never the first version of an
/// outcome beside the votes a correction added.
/// </summary>
public sealed class CampaignAsOf
{
    private readonly Dictionary<Guid, DateOnly> _decidedOn = new();

    public CampaignAsOf(IEnumerable<IEvent> stream)
    {
        foreach (var e in stream)
        {
            if (e.Data is OutcomeRecorded r) _decidedOn[r.OutcomeId] = r.Facts.Date;
            else if (e.Data is OutcomeCorrected c) _decidedOn[c.OutcomeId] = c.Facts.Date;
        }
    }

    public DateTimeOffset At(object data, DateTimeOffset recordedAt) => data switch
    {
        IOutcomeEvent o when _decidedOn.TryGetValue(o.OutcomeId, out var day) => Happened.At(day, recordedAt),
        TargetPositionRecorded { OutcomeId: { } id } when _decidedOn.TryGetValue(id, out var day) => Happened.At(day, recordedAt),
        _ => Happened.At(data, recordedAt)
    };

    /// <summary>Whether the event had happened by <paramref name="asOf"/>.</summary>
    public bool By(object data, DateTimeOffset recordedAt, DateTimeOffset asOf) => At(data, recordedAt) <= asOf;
}
