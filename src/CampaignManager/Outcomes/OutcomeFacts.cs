namespace CampaignManager.Outcomes;

public enum OutcomeKind { ResolutionAdopted, MeetingHeld, MeetingBlocked, PolicyReversed, PolicyMaintained, StatementIssued }

public enum CampaignStatus { Pending, Achieved, PartlyAchieved, NotAchieved }

/// <summary>A recorded vote; a resolution adopted without a vote has <see cref="OutcomeFacts.Consensus"/> instead.</summary>
public record VoteTally(int Yes, int No, int Abstain);

/// <summary>Procedural support, e.g. 8 of 15 Council members in favour when 9 were needed.</summary>
public record ProceduralSupport(int Supporters, int Members, int Needed);

/// <summary>
/// What happened and what it means for the campaign. Recorded and corrected as a whole, so a correction is one
/// self-contained fact rather than a patch whose meaning depends on what came before.
/// </summary>
public record OutcomeFacts(
    OutcomeKind Kind, DateOnly Date, string Body, bool Consensus, VoteTally? Tally, ProceduralSupport? Support,
    IReadOnlyList<string> Evidence, CampaignStatus Status, string Reason);
