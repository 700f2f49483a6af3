using CampaignManager.Hosting;
using CampaignManager.Outcomes;

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

/// <summary>Where a target stands, as stated on <see cref="Date"/> and reported by <see cref="Source"/>.</summary>
public record TargetPositionRecorded(Guid CampaignId, Guid TargetId, TargetPosition Position, DateOnly Date, string? Source,
    string By, DateTimeOffset At) : ICampaignEvent, IHappened
{
    DateOnly? IHappened.On => Date;
}

public record OutcomeRecorded(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string By, DateTimeOffset At) : ICampaignEvent, IHappened
{
    DateOnly? IHappened.On => Facts.Date;
}

/// <summary>
/// The outcome's full corrected facts; the originally recorded ones stay in the stream. A correction mends the record
/// rather than reporting something that happened, so it counts from when it was made (<see cref="At"/>): "as of" an
/// earlier moment the outcome reads as first recorded, and its history shows both.
/// </summary>
public record OutcomeCorrected(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string Note, string By, DateTimeOffset At)
    : ICampaignEvent;

public enum TargetPosition { Supports, Opposes, Undecided, CoSponsor, VotedYes, VotedNo, Abstained, Absent }
