using CampaignManager.Hosting.Web;
using CampaignManager.Letters;
using CampaignManager.Outcomes;
using CampaignManager.Signatures;

namespace CampaignManager.Campaigns;

/// <summary>
/// The campaign timeline in staff's words: "Japan co-sponsored", "Letter “…” attached". Names come from one batched
/// load per read (<see cref="Names"/>); the entry keeps the event's type name in <c>Event</c> for API clients.
/// </summary>
public static class CampaignTimeline
{
    /// <summary>Target and letter names by id, as the read they belong to saw them.</summary>
    public record Names(IReadOnlyDictionary<Guid, string> Targets, IReadOnlyDictionary<Guid, string> Letters)
    {
        public string Target(Guid id) => Targets.GetValueOrDefault(id, "An unknown target");
        public string Letter(Guid id) => Letters.TryGetValue(id, out var title) ? $"Letter “{title}”" : "A letter";
    }

    public static CampaignTimelineEntry Entry(IEvent e, Names names) => e.Data switch
    {
        ICampaignEvent c => new(e.Sequence, e.StreamId, e.Data.GetType().Name, Summarize(c, names), c.By, c.At),
        IOutcomeEvent o => new(e.Sequence, e.StreamId, e.Data.GetType().Name, Summarize(o), o.By, o.At),
        // a campaign can carry several letters: say whose event it is, unless the summary already names it (drafting)
        ILetterEvent l => new(e.Sequence, e.StreamId, e.Data.GetType().Name,
            (l is LetterDrafted ? "" : $"{names.Letter(l.LetterId)}: ") + LetterHistoryEndpoint.Summarize(l), l.By, l.At),
        _ => new(e.Sequence, e.StreamId, e.Data.GetType().Name, e.Data.GetType().Name, "", e.Timestamp)
    };

    public static string Summarize(ICampaignEvent e, Names names) => e switch
    {
        CampaignLaunched l => $"Launched “{l.Name}” at {l.Venue}",
        LetterAttachedToCampaign a => $"{names.Letter(a.LetterId)} attached",
        TargetPositionRecorded p => $"{names.Target(p.TargetId)} {Stance(p.Position)} (as of {p.Date:yyyy-MM-dd}" +
                                    (p.Source is null ? ")" : $", {p.Source})"),
        VoteExplained x => $"{names.Target(x.TargetId)} explained its vote: {x.Summary}",
        _ => e.GetType().Name
    };

    public static string Summarize(IOutcomeEvent e) => e switch
    {
        OutcomeRecorded r => $"Outcome recorded: {Format.Words(r.Facts.Kind)} by {r.Facts.Body} on {r.Facts.Date:yyyy-MM-dd}; campaign {Format.Words(r.Facts.Status)}",
        OutcomeCorrected c => $"Outcome corrected: {c.Note}",
        OutcomeRetracted x => $"Outcome retracted: {x.Reason}" +
                              (x.Withdrawn.Count > 0 ? $"; {x.Withdrawn.Count} member votes left the whip count" : ""),
        _ => e.GetType().Name
    };

    /// <summary>A position as a verb after the target's name: "Japan co-sponsored", "Ghana is undecided".</summary>
    public static string Stance(TargetPosition p) => p switch
    {
        TargetPosition.Supports => "supports",
        TargetPosition.Opposes => "opposes",
        TargetPosition.Undecided => "is undecided",
        TargetPosition.CoSponsor => "co-sponsored",
        TargetPosition.VotedYes => "voted yes",
        TargetPosition.VotedNo => "voted no",
        TargetPosition.Abstained => "abstained",
        TargetPosition.Absent => "was absent",
        _ => Format.Words(p)
    };
}
