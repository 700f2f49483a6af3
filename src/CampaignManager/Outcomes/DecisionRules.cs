using static CampaignManager.Outcomes.DecisionResult;

namespace CampaignManager.Outcomes;

/// <summary>
/// What makes a decision's facts consistent with each other, whatever records them: a consensus has no tally, a
/// recorded vote needs one, a veto names who cast it and never ends a procedural question, each member's vote fits
/// inside the tally. A body the app knows (<see cref="DecidingBodies"/>) adds its own: its size bounds the tally and
/// the votes, all its members' votes are the tally, an adoption has the votes it needs, and only a body with a veto
/// has vetoes. Outcomes recorded before results existed keep their old rules through <see cref="ResultOf"/>.
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
        var body = DecidingBodies.Find(f.Body);
        // a body the app does not know is held to the Council's rule, as every decision was before bodies had rules
        var veto = body?.Veto ?? VetoRule.OnSubstantiveQuestions;
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
            .When(veto == VetoRule.OnSubstantiveQuestions && result == Vetoed && f.Nature == DecisionNature.Procedural, "nature",
                "a procedural decision cannot be vetoed")
            .When(veto == VetoRule.None && result == Vetoed, f.Result is null ? "kind" : "result",
                $"the {body?.Name} has no veto: a draft it does not adopt is rejected")
            .When(f.Kind == OutcomeKind.MeetingHeld && result == NotTakenUp, "result",
                "a meeting that was held took the question up; a question not taken up is a blocked meeting (meetingBlocked)")
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
        if (body is not null) CheckBody(errors, f, result, body);
        return CheckVotes(errors, f, body);
    }

    private static void CheckBody(FieldErrors errors, OutcomeFacts f, DecisionResult? result, DecidingBody body)
    {
        var needs = body.AdoptionNeeds ?? 0;
        if (f.Tally is { } t)
            errors
                .When(t.Yes + t.No + t.Abstain > body.Members, "tally",
                    $"counts {t.Yes + t.No + t.Abstain} votes; the {body.Name} has {body.Members} members")
                .When(result == AdoptedByVote && t.Yes < needs, "tally",
                    $"an adoption by the {body.Name} needs at least {needs} votes in favour; the tally has {t.Yes}")
                .When(result == Rejected && f.Nature == DecisionNature.Procedural && needs > 0 && t.Yes >= needs, "tally",
                    $"a procedural question with {needs} or more votes in favour is adopted by the {body.Name}, not rejected");
        if (f.Support is { } s)
            errors
                .When(s.Members != body.Members, "support", $"the {body.Name} has {body.Members} members, not {s.Members}")
                .When(needs > 0 && s.Needed != needs, "support", $"the {body.Name} needs {needs} votes in favour, not {s.Needed}");
    }

    private static FieldErrors CheckVotes(FieldErrors errors, OutcomeFacts f, DecidingBody? body)
    {
        if (f.Votes is not { Count: > 0 } votes) return errors;
        if (body is not null && votes.Count > body.Members)
            return errors.Add("votes", $"give {votes.Count} members' votes; the {body.Name} has {body.Members} members");
        if (f.Tally is not { } tally) return errors.Add("votes", "need the tally they add up to");
        int Count(MemberVote v) => votes.Values.Count(x => x == v);
        var (yes, no, abstain, absent) = (Count(MemberVote.Yes), Count(MemberVote.No), Count(MemberVote.Abstain), Count(MemberVote.Absent));
        var counted = $"{yes} yes, {no} no and {abstain} abstaining";
        // members who are not targets of the campaign may be left out, so the votes fit inside the tally rather than equal it
        errors.When(yes > tally.Yes || no > tally.No || abstain > tally.Abstain,
            "votes", $"record {counted}, more than the tally's {tally.Yes}, {tally.No} and {tally.Abstain}");
        if (body is null) return errors;
        // ...unless nobody is left out: then the votes are the tally, and an absent member is in neither
        if (votes.Count == body.Members)
            return errors.When(tally != new VoteTally(yes, no, abstain), "tally",
                $"must be the {counted} that all {body.Members} members' votes give" + (absent > 0 ? $" ({absent} absent)" : "") +
                $", not {tally.Yes}, {tally.No} and {tally.Abstain}");
        return errors.When(tally.Yes + tally.No + tally.Abstain + absent > body.Members, "votes",
            $"{absent} members absent and {tally.Yes + tally.No + tally.Abstain} votes in the tally are more than the {body.Name}'s {body.Members} members");
    }
}
