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

public record OutcomeRecorded(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string By, DateTimeOffset At) : IOutcomeEvent;

/// <summary>The outcome's full corrected facts; the originally recorded ones stay in the stream.</summary>
public record OutcomeCorrected(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string Note, string By, DateTimeOffset At)
    : IOutcomeEvent;
