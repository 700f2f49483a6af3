namespace CampaignManager.Outcomes;

/// <summary>
/// Outcomes are appended to their campaign's stream. They name the campaign by id only: the campaign folds them,
/// while nothing here knows the campaign, so the dependency runs one way (Campaigns on Outcomes).
/// </summary>
public interface IOutcomeEvent
{
    Guid CampaignId { get; }
    Guid OutcomeId { get; }
    OutcomeFacts Facts { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary>"As of" views place it on the day it happened (<see cref="OutcomeFacts.Date"/>), not when it was typed in.</summary>
public record OutcomeRecorded(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string By, DateTimeOffset At) : IOutcomeEvent, IHappened
{
    DateOnly? IHappened.On => Facts.Date;
}

/// <summary>
/// The outcome's full corrected facts; the originally recorded ones stay in the stream. A correction mends the record
/// rather than reporting something that happened, so it counts from when it was made (<see cref="At"/>): "as of" an
/// earlier moment the outcome reads as first recorded, and its history shows both.
/// </summary>
public record OutcomeCorrected(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string Note, string By, DateTimeOffset At)
    : IOutcomeEvent;
