using CampaignManager.Outcomes;
using CampaignManager.Targets;

namespace CampaignManager.Campaigns;

/// <summary>
/// What happened at the venue, and whether that achieves the campaign's goal (status and reason). A decision can say
/// more: where (<see cref="Venue"/>), procedural or substantive, its result, who vetoed it, and each member's vote by
/// target id, which becomes that target's position in the whip count on the day of the vote.
/// </summary>
public record RecordOutcome(
    OutcomeKind? Kind, DateOnly? Date, string? Body, bool Consensus = false, VoteTally? Tally = null,
    ProceduralSupport? Support = null, IReadOnlyList<string>? Evidence = null, CampaignStatus? Status = null,
    string? Reason = null, string? Venue = null, DecisionNature? Nature = null, DecisionResult? Result = null,
    IReadOnlyList<string>? VetoedBy = null, IReadOnlyDictionary<Guid, MemberVote>? Votes = null)
{
    internal FieldErrors Check(FieldErrors errors, Voters voters)
    {
        errors.When(Kind is null, "kind",
                "is required: resolutionAdopted, resolutionRejected, resolutionVetoed, meetingHeld, meetingBlocked, policyReversed, " +
                "policyMaintained or statementIssued")
            .When(Date is null, "date", "is required")
            .Required("body", Body, 300)
            .MaxLength("venue", Venue, 300)
            .When(Status is null, "status", "is required: pending, achieved, partlyAchieved or notAchieved")
            .Required("reason", Reason, 2000, multiLine: true);
        if (Kind is not null && Date is not null) DecisionRules.Check(errors, Facts());
        var evidence = Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
            errors.When(!TextRules.IsWebLink(evidence[i]), $"evidence[{i}]", "must be an http(s) link");
        foreach (var member in (Votes ?? new Dictionary<Guid, MemberVote>()).Keys.Where(k => !voters.Known.Contains(k)))
            errors.Add($"votes.{member}", "is not a known target");
        return errors;
    }

    internal OutcomeFacts Facts() => new(Kind!.Value, Date!.Value, Body?.Trim() ?? "",
        Consensus || Result == DecisionResult.AdoptedByConsensus, Tally, Support,
        (Evidence ?? []).Select(e => e?.Trim() ?? "").ToList(), Status ?? CampaignStatus.Pending, Reason?.Trim() ?? "",
        TextRules.TrimToNull(Venue), Nature, Result, VetoedBy is { Count: > 0 } ? VetoedBy.Select(v => v?.Trim() ?? "").ToList() : null,
        Votes is { Count: > 0 } ? new Dictionary<Guid, MemberVote>(Votes) : null);
}

/// <summary>The member ids among the votes that are registered targets; a vote can only become a known target's position.</summary>
public record Voters(IReadOnlySet<Guid> Known)
{
    public static readonly Voters None = new(new HashSet<Guid>());

    public static async Task<Voters> LoadAsync(IReadOnlyDictionary<Guid, MemberVote>? votes, IQuerySession session, CancellationToken token) =>
        votes is not { Count: > 0 } ? None
            : new((await session.LoadManyAsync<TargetDetails>(token, votes.Keys)).Select(t => t.Id).ToHashSet());

    /// <summary>
    /// Each member's vote as that target's position, dated the day of the vote, so the whip count before it still
    /// shows what staff expected; it names its outcome, which a correction or retraction of it then carries along.
    /// </summary>
    public static IEnumerable<TargetPositionRecorded> Positions(Guid campaignId, Guid outcomeId, OutcomeFacts facts,
        Func<Guid, MemberVote, bool> include, string by, DateTimeOffset at) =>
        (facts.Votes ?? new Dictionary<Guid, MemberVote>()).Where(v => include(v.Key, v.Value)).OrderBy(v => v.Key)
        .Select(v => new TargetPositionRecorded(campaignId, v.Key, v.Value switch
        {
            MemberVote.Yes => TargetPosition.VotedYes,
            MemberVote.No => TargetPosition.VotedNo,
            MemberVote.Abstain => TargetPosition.Abstained,
            _ => TargetPosition.Absent
        }, facts.Date, SourceOf(facts), by, at, outcomeId));

    /// <summary>Where a member's vote in the whip count says it came from.</summary>
    public static string SourceOf(OutcomeFacts facts) => $"Recorded vote, {facts.Body}" + (facts.Venue is null ? "" : $", {facts.Venue}");
}

public record NewOutcomeResponse(Guid CampaignId, Guid Id)
    : CreationResponse<Guid>($"/api/campaigns/{CampaignId}/outcomes/{Id}", Id);

public static class RecordOutcomeEndpoint
{
    public static Task<Voters> LoadAsync(RecordOutcome command, IQuerySession session, CancellationToken token) =>
        Voters.LoadAsync(command.Votes, session, token);

    public static ProblemDetails Validate(RecordOutcome command, Voters voters) => Problems.Validation(command.Check(new FieldErrors(), voters));

    /// <summary>The outcome, then one whip-count position per member's vote.</summary>
    public static IReadOnlyList<object> Decide(Campaign campaign, Guid outcomeId, RecordOutcome command, string by, DateTimeOffset at)
    {
        var facts = command.Facts();
        return [new OutcomeRecorded(campaign.Id, outcomeId, facts, by, at), .. Voters.Positions(campaign.Id, outcomeId, facts, (_, _) => true, by, at)];
    }

    [WolverinePost("/api/campaigns/{id}/outcomes", Name = "RecordOutcome")]
    [Tags("Outcomes")]
    [EndpointSummary("Record an outcome or a decision: adopted, rejected, vetoed or not taken up, with the tally and each member's vote")]
    public static (NewOutcomeResponse, Events) Post(RecordOutcome command, [WriteAggregate] Campaign campaign,
        HttpContext context, TimeProvider clock)
    {
        var outcomeId = Guid.CreateVersion7();
        return (new NewOutcomeResponse(campaign.Id, outcomeId),
            new Events(Decide(campaign, outcomeId, command, context.User.ActorName(), clock.GetUtcNow())));
    }
}
