namespace CampaignManager.Campaigns;

/// <summary>Every campaign event names its campaign, who did it and when; "as of" reads fold by <see cref="At"/>.</summary>
public interface ICampaignEvent
{
    Guid CampaignId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

public record CampaignLaunched(Guid CampaignId, string Name, string Goal, string Venue, DateOnly? DecisionDate,
    string By, DateTimeOffset At) : ICampaignEvent;

public record LetterAttachedToCampaign(Guid CampaignId, Guid LetterId, string By, DateTimeOffset At) : ICampaignEvent;

/// <summary>Where a target stands, as stated on <see cref="Date"/> and reported by <see cref="Source"/>.</summary>
public record TargetPositionRecorded(Guid CampaignId, Guid TargetId, TargetPosition Position, DateOnly Date, string? Source,
    string By, DateTimeOffset At) : ICampaignEvent;

/// <summary>An explanation of vote given by a target, attached to its position in the whip count.</summary>
public record VoteExplained(Guid CampaignId, Guid TargetId, string Link, string Summary, string By, DateTimeOffset At) : ICampaignEvent;

public enum TargetPosition { Supports, Opposes, Undecided, CoSponsor, VotedYes, VotedNo, Abstained, Absent }
