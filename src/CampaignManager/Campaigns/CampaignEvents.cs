using CampaignManager.Outcomes;

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

public record OutcomeRecorded(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string By, DateTimeOffset At) : ICampaignEvent;

/// <summary>The outcome's full corrected facts; the originally recorded ones stay in the stream.</summary>
public record OutcomeCorrected(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string Note, string By, DateTimeOffset At)
    : ICampaignEvent;

public enum TargetPosition { Supports, Opposes, Undecided, CoSponsor, VotedYes, VotedNo, Abstained, Absent }
