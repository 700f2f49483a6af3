using static CampaignManager.Outcomes.DecisionResult;

namespace CampaignManager.Outcomes;

/// <summary>
/// What makes a decision's facts consistent with each other, whatever records them: a consensus has no tally, a
/// recorded vote needs one, a veto names who cast it and never ends a procedural question, each member's vote fits
/// inside the tally. Outcomes recorded before results existed keep their old rules through <see cref="ResultOf"/>.
/// </summary>
public static class DecisionRules
{
    /// <summary>The stated result, or the one an older record implies (a resolution by consensus or with a tally, a meeting not held).</summary>
    public static DecisionResult? ResultOf(OutcomeFacts f) => f.Result ?? f.Kind switch
    {
        OutcomeKind.ResolutionAdopted => f.Consensus ? AdoptedByConsensus : f.Tally is null ? null : AdoptedByVote,
        OutcomeKind.MeetingBlocked => f.Tally is null ? NotTakenUp : Rejected,
        OutcomeKind.ResolutionRejected => Rejected,
        OutcomeKind.ResolutionVetoed => Vetoed,
        _ => null
    };

    public static FieldErrors Check(FieldErrors errors, OutcomeFacts f)
    {
        var result = ResultOf(f);
        var vetoedBy = f.VetoedBy ?? [];
        errors
            .When(f.Kind == OutcomeKind.ResolutionAdopted && f.Result is null && f.Consensus == (f.Tally is not null), "consensus",
                "a resolution is adopted either by consensus or with a tally, exactly one of them")
            .When(f.Kind == OutcomeKind.ResolutionAdopted && f.Result is not (null or AdoptedByConsensus or AdoptedByVote), "result",
                "an adopted resolution was adopted by consensus or by recorded vote")
            .When(f.Kind == OutcomeKind.MeetingBlocked && f.Result is AdoptedByConsensus or AdoptedByVote, "result",
                "a blocked meeting was not adopted: rejected, vetoed or not taken up")
            .When(f.Kind == OutcomeKind.ResolutionRejected && f.Result is not (null or Rejected), "result",
                "a rejected resolution has the result rejected")
            .When(f.Kind == OutcomeKind.ResolutionVetoed && f.Result is not (null or Vetoed), "result",
                "a vetoed resolution has the result vetoed")
            .When(f.Result is not null && f.Nature is null, "nature", "is required with a result: procedural or substantive")
            .When(f.Consensus && result != AdoptedByConsensus, "consensus", "only a decision adopted by consensus has it")
            .When(f.Result == AdoptedByConsensus && f.Tally is not null, "tally", "a decision adopted by consensus has no tally")
            .When(f.Tally is not null && result is null, "tally",
                "belongs to a decision taken by vote: give its result (adoptedByVote, rejected or vetoed)")
            .When(result == AdoptedByVote && f.Tally is null, "tally", "is required for a decision adopted by recorded vote")
            .When(result == AdoptedByVote && f.Tally is { } won && won.Yes <= won.No, "tally",
                "an adopted decision had more votes in favour than against")
            .When(result == NotTakenUp && f.Tally is not null, "tally", "a question not taken up was never put to a vote")
            .When(f.Tally is { } t && (t.Yes < 0 || t.No < 0 || t.Abstain < 0), "tally", "counts cannot be negative")
            .When(result == Vetoed && vetoedBy.Count == 0, "vetoedBy", "is required for a veto: the members who cast it")
            .When(result != Vetoed && vetoedBy.Count > 0, "vetoedBy", "only a vetoed draft has members who vetoed it")
            .When(result == Vetoed && f.Nature == DecisionNature.Procedural, "nature", "a procedural decision cannot be vetoed")
            .When(f.Kind == OutcomeKind.MeetingBlocked && f.Support is null && f.Tally is null, "support",
                "is required for a blocked meeting: supporters of members, with how many were needed (or the tally of its vote)")
            .When(f.Support is { } s && (s.Supporters < 0 || s.Members < 1 || s.Needed < 1 || s.Supporters > s.Members || s.Needed > s.Members),
                "support", "needs 0 <= supporters <= members and 1 <= needed <= members")
            .When((f.Kind == OutcomeKind.MeetingBlocked || result == NotTakenUp) && f.Support is { } b && b.Supporters >= b.Needed,
                "support", "a meeting with the supporters it needed was not blocked");
        for (var i = 0; i < vetoedBy.Count; i++)
        {
            errors.Required($"vetoedBy[{i}]", vetoedBy[i], 200);
            if (Guid.TryParse(vetoedBy[i], out var member) && f.Votes?.GetValueOrDefault(member) is { } vote and not MemberVote.No)
                errors.Add($"vetoedBy[{i}]", $"is recorded as voting {vote.ToString().ToLowerInvariant()}; a veto is a vote against");
        }
        return CheckVotes(errors, f);
    }

    private static FieldErrors CheckVotes(FieldErrors errors, OutcomeFacts f)
    {
        if (f.Votes is not { Count: > 0 } votes) return errors;
        if (f.Tally is not { } tally) return errors.Add("votes", "need the tally they add up to");
        int Count(MemberVote v) => votes.Values.Count(x => x == v);
        // members who are not targets of the campaign may be left out, so the votes fit inside the tally rather than equal it
        return errors.When(Count(MemberVote.Yes) > tally.Yes || Count(MemberVote.No) > tally.No || Count(MemberVote.Abstain) > tally.Abstain,
            "votes", $"record {Count(MemberVote.Yes)} yes, {Count(MemberVote.No)} no and {Count(MemberVote.Abstain)} abstaining, " +
                     $"more than the tally's {tally.Yes}, {tally.No} and {tally.Abstain}");
    }
}
