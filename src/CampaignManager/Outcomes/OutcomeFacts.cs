namespace CampaignManager.Outcomes;

/// <summary>What happened. A draft voted down or vetoed has a kind of its own; <see cref="DecisionResult"/> says how.</summary>
public enum OutcomeKind
{
    ResolutionAdopted, MeetingHeld, MeetingBlocked, PolicyReversed, PolicyMaintained, StatementIssued, ResolutionRejected, ResolutionVetoed
}

public enum CampaignStatus { Pending, Achieved, PartlyAchieved, NotAchieved }

/// <summary>Under Article 27 of the Charter a procedural decision cannot be vetoed; a substantive one can.</summary>
public enum DecisionNature { Procedural, Substantive }

/// <summary>How the body disposed of the question; <see cref="NotTakenUp"/> is a question that never came to a decision.</summary>
public enum DecisionResult { AdoptedByConsensus, AdoptedByVote, Rejected, Vetoed, NotTakenUp }

public enum MemberVote { Yes, No, Abstain, Absent }

/// <summary>A recorded vote; a resolution adopted without a vote has <see cref="OutcomeFacts.Consensus"/> instead.</summary>
public record VoteTally(int Yes, int No, int Abstain);

/// <summary>Procedural support, e.g. 8 of 15 Council members in favour when 9 were needed.</summary>
public record ProceduralSupport(int Supporters, int Members, int Needed);

/// <summary>
/// What happened and what it means for the campaign. Recorded and corrected as a whole, so a correction is one
/// self-contained fact rather than a patch whose meaning depends on what came before. The decision's details
/// (<see cref="Venue"/> to <see cref="Votes"/>) came later and are optional, so outcomes stored before them still read.
/// </summary>
public record OutcomeFacts(
    OutcomeKind Kind, DateOnly Date, string Body, bool Consensus, VoteTally? Tally, ProceduralSupport? Support,
    IReadOnlyList<string> Evidence, CampaignStatus Status, string Reason,
    string? Venue = null, DecisionNature? Nature = null, DecisionResult? Result = null,
    IReadOnlyList<string>? VetoedBy = null, IReadOnlyDictionary<Guid, MemberVote>? Votes = null)
{
    /// <summary>Value equality including the lists, which a record compares by reference.</summary>
    public bool SameAs(OutcomeFacts other) =>
        Scalars() == other.Scalars() && Evidence.SequenceEqual(other.Evidence) &&
        (VetoedBy ?? []).SequenceEqual(other.VetoedBy ?? []) &&
        (Votes ?? Empty).OrderBy(v => v.Key).SequenceEqual((other.Votes ?? Empty).OrderBy(v => v.Key));

    private static readonly IReadOnlyDictionary<Guid, MemberVote> Empty = new Dictionary<Guid, MemberVote>();

    private OutcomeFacts Scalars() => this with { Evidence = Array.Empty<string>(), VetoedBy = null, Votes = null };
}
