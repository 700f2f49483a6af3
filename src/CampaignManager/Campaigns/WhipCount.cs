namespace CampaignManager.Campaigns;

public record PositionCount(TargetPosition Position, int Count);

public record PositionChange(TargetPosition Position, DateOnly Date, string? Source, string By, DateTimeOffset At);

/// <summary>A target's latest position, and every position recorded before it, oldest first.</summary>
public record TargetStanding(Guid TargetId, string Name, TargetPosition Position, DateOnly Date, string? Source,
    IReadOnlyList<PositionChange> History);

public record WhipCount(IReadOnlyList<PositionCount> Counts, IReadOnlyList<TargetStanding> Targets)
{
    /// <summary>
    /// The latest position per target decides the count. "Latest" is the position's own date, then when it was
    /// recorded: a statement from last week entered today must not override one made yesterday.
    /// </summary>
    public static WhipCount From(IEnumerable<PositionEntry> positions, IReadOnlyDictionary<Guid, string> names)
    {
        var targets = positions.GroupBy(p => p.TargetId).Select(g =>
        {
            var ordered = g.OrderBy(p => p.Date).ThenBy(p => p.At).ToList();
            var latest = ordered[^1];
            return new TargetStanding(g.Key, names.GetValueOrDefault(g.Key, "(unknown target)"), latest.Position, latest.Date,
                latest.Source, ordered.Select(p => new PositionChange(p.Position, p.Date, p.Source, p.By, p.At)).ToList());
        }).OrderBy(t => t.Name).ThenBy(t => t.TargetId).ToList();
        var counts = Enum.GetValues<TargetPosition>()
            .Select(p => new PositionCount(p, targets.Count(t => t.Position == p))).ToList();
        return new WhipCount(counts, targets);
    }
}
