namespace CampaignManager.Campaigns;

public record PositionCount(TargetPosition Position, int Count);

public record PositionChange(TargetPosition Position, DateOnly Date, string? Source, string By, DateTimeOffset At);

/// <summary>
/// A target's latest position, and every position recorded before it, oldest first. When the latest is a recorded
/// vote, <see cref="Expected"/> is the last position dated before the vote's day: what staff expected, against what
/// happened. <see cref="AsExpected"/> is null when nothing was expected (undecided, or no earlier position).
/// </summary>
public record TargetStanding(Guid TargetId, string Name, TargetPosition Position, DateOnly Date, string? Source,
    IReadOnlyList<PositionChange> History, PositionChange? Expected = null, bool? AsExpected = null,
    IReadOnlyList<VoteExplanation>? Explanations = null);

public record WhipCount(IReadOnlyList<PositionCount> Counts, IReadOnlyList<TargetStanding> Targets)
{
    /// <summary>
    /// The latest position per target decides the count. "Latest" is the position's own date, then when it was
    /// recorded: a statement from last week entered today must not override one made yesterday.
    /// </summary>
    public static WhipCount From(IEnumerable<PositionEntry> positions, IReadOnlyDictionary<Guid, string> names,
        IEnumerable<VoteExplanation>? explanations = null)
    {
        var explained = (explanations ?? []).ToLookup(e => e.TargetId);
        var targets = positions.GroupBy(p => p.TargetId).Select(g =>
        {
            var ordered = g.OrderBy(p => p.Date).ThenBy(p => p.At).ToList();
            var latest = ordered[^1];
            var expected = IsVote(latest.Position) ? ordered.LastOrDefault(p => p.Date < latest.Date) : null;
            return new TargetStanding(g.Key, names.GetValueOrDefault(g.Key, "(unknown target)"), latest.Position, latest.Date,
                latest.Source, ordered.Select(Change).ToList(), expected is null ? null : Change(expected),
                expected is null ? null : Matches(expected.Position, latest.Position), explained[g.Key].ToList());
        }).OrderBy(t => t.Name, Collation.Names).ThenBy(t => t.TargetId).ToList();
        var counts = Enum.GetValues<TargetPosition>()
            .Select(p => new PositionCount(p, targets.Count(t => t.Position == p))).ToList();
        return new WhipCount(counts, targets);
    }

    public static bool IsVote(TargetPosition p) =>
        p is TargetPosition.VotedYes or TargetPosition.VotedNo or TargetPosition.Abstained or TargetPosition.Absent;

    /// <summary>Support and co-sponsorship expect a yes, opposition a no; an undecided target had no expectation to meet.</summary>
    private static bool? Matches(TargetPosition expected, TargetPosition actual) => expected switch
    {
        TargetPosition.Undecided => null,
        TargetPosition.Supports or TargetPosition.CoSponsor or TargetPosition.VotedYes => actual == TargetPosition.VotedYes,
        TargetPosition.Opposes or TargetPosition.VotedNo => actual == TargetPosition.VotedNo,
        _ => expected == actual
    };

    private static PositionChange Change(PositionEntry p) => new(p.Position, p.Date, p.Source, p.By, p.At);
}
