namespace CampaignManager.Campaigns;

/// <summary>
/// Every campaign event names its campaign, who did it and when; "as of" reads fold by when it happened
/// (<see cref="Happened"/>), which is <see cref="At"/> unless the event carries a day of its own.
/// </summary>
public interface ICampaignEvent
{
    Guid CampaignId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary><see cref="BeganOn"/>: the day the campaign began, when it is recorded after the fact.</summary>
public record CampaignLaunched(Guid CampaignId, string Name, string Goal, string Venue, DateOnly? DecisionDate,
    string By, DateTimeOffset At, DateOnly? BeganOn = null) : ICampaignEvent, IHappened
{
    DateOnly? IHappened.On => BeganOn;
}

public record LetterAttachedToCampaign(Guid CampaignId, Guid LetterId, string By, DateTimeOffset At) : ICampaignEvent;

/// <summary>
/// Where a target stands, as stated on <see cref="Date"/> and reported by <see cref="Source"/>. A member's vote in a
/// recorded outcome names it (<see cref="OutcomeId"/>), so the vote follows the outcome when it is corrected or
/// retracted; positions from before that have none.
/// </summary>
public record TargetPositionRecorded(Guid CampaignId, Guid TargetId, TargetPosition Position, DateOnly Date, string? Source,
    string By, DateTimeOffset At, Guid? OutcomeId = null) : ICampaignEvent, IHappened
{
    DateOnly? IHappened.On => Date;
}

/// <summary>An explanation of vote given by a target, attached to its position in the whip count.</summary>
public record VoteExplained(Guid CampaignId, Guid TargetId, string Link, string Summary, string By, DateTimeOffset At) : ICampaignEvent;

public enum TargetPosition { Supports, Opposes, Undecided, CoSponsor, VotedYes, VotedNo, Abstained, Absent }
