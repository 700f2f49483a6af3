namespace CampaignManager.Outcomes;

/// <summary>
/// Outcomes are appended to their campaign's stream. They name the campaign by id only: the campaign folds them,
/// while nothing here knows the campaign, so the dependency runs one way (Campaigns on Outcomes).
/// </summary>
public interface IOutcomeEvent
{
    Guid CampaignId { get; }
    Guid OutcomeId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// "As of" views place it on the day it happened (<see cref="OutcomeFacts.Date"/>), not when it was typed in; once
/// corrected, on the corrected day (see <see cref="OutcomeCorrected"/>).
/// </summary>
public record OutcomeRecorded(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string By, DateTimeOffset At) : IOutcomeEvent, IHappened
{
    DateOnly? IHappened.On => Facts.Date;
}

/// <summary>
/// The outcome's full corrected facts; the originally recorded ones stay in the stream and its history. A correction
/// says what the decision was, so it replaces the decision from the decision's own day: "as of" any moment on or after
/// the corrected <see cref="OutcomeFacts.Date"/> the outcome and its members' votes read corrected, before it neither
/// shows. Half of each (the first facts beside the corrected votes) is a decision that never happened.
/// </summary>
public record OutcomeCorrected(Guid CampaignId, Guid OutcomeId, OutcomeFacts Facts, string Note, string By, DateTimeOffset At)
    : IOutcomeEvent;

/// <summary>
/// An outcome recorded by mistake, taken back: it no longer speaks for the campaign, and the member votes it put in
/// the whip count (<see cref="Withdrawn"/>) no longer count, in every view, "as of" ones included. The outcome, its
/// corrections and this retraction stay in the stream and the history.
/// </summary>
public record OutcomeRetracted(Guid CampaignId, Guid OutcomeId, string Reason, IReadOnlyList<WithdrawnVote> Withdrawn,
    string By, DateTimeOffset At) : IOutcomeEvent;

/// <summary>A member's vote as it stood in the whip count: the member, the vote's day, and when it was recorded there.</summary>
public record WithdrawnVote(Guid MemberId, DateOnly Date, DateTimeOffset RecordedAt);
