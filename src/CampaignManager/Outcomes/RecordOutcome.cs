using CampaignManager.Campaigns;
using CampaignManager.Hosting;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace CampaignManager.Outcomes;

/// <summary>What happened at the venue, and whether that achieves the campaign's goal (status and reason).</summary>
public record RecordOutcome(
    OutcomeKind? Kind, DateOnly? Date, string? Body, bool Consensus = false, VoteTally? Tally = null,
    ProceduralSupport? Support = null, IReadOnlyList<string>? Evidence = null, CampaignStatus? Status = null,
    string? Reason = null)
{
    internal FieldErrors Check(FieldErrors errors)
    {
        errors.When(Kind is null, "kind",
                "is required: resolutionAdopted, meetingHeld, meetingBlocked, policyReversed, policyMaintained or statementIssued")
            .When(Date is null, "date", "is required")
            .Required("body", Body, 300)
            .When(Status is null, "status", "is required: pending, achieved, partlyAchieved or notAchieved")
            .Required("reason", Reason, 2000, multiLine: true)
            .When(Kind == OutcomeKind.ResolutionAdopted && Consensus == (Tally is not null), "consensus",
                "a resolution is adopted either by consensus or with a tally, exactly one of them")
            .When(Kind != OutcomeKind.ResolutionAdopted && (Consensus || Tally is not null), "tally",
                "only an adopted resolution has a consensus or a vote tally")
            .When(Tally is { } t && (t.Yes < 0 || t.No < 0 || t.Abstain < 0), "tally", "counts cannot be negative")
            .When(Kind == OutcomeKind.MeetingBlocked && Support is null, "support",
                "is required for a blocked meeting: supporters of members, with how many were needed")
            .When(Support is { } s && (s.Supporters < 0 || s.Members < 1 || s.Needed < 1 || s.Supporters > s.Members || s.Needed > s.Members),
                "support", "needs 0 <= supporters <= members and 1 <= needed <= members")
            .When(Kind == OutcomeKind.MeetingBlocked && Support is { } b && b.Supporters >= b.Needed, "support",
                "a meeting with the supporters it needed was not blocked");
        var evidence = Evidence ?? [];
        for (var i = 0; i < evidence.Count; i++)
            errors.When(!Uri.TryCreate(evidence[i]?.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"),
                $"evidence[{i}]", "must be an http(s) link");
        return errors;
    }

    internal OutcomeFacts Facts() => new(Kind!.Value, Date!.Value, Body!.Trim(), Consensus, Tally, Support,
        (Evidence ?? []).Select(e => e.Trim()).ToList(), Status!.Value, Reason!.Trim());
}

public record NewOutcomeResponse(Guid CampaignId, Guid Id)
    : CreationResponse<Guid>($"/api/campaigns/{CampaignId}/outcomes/{Id}", Id);

public static class RecordOutcomeEndpoint
{
    public static ProblemDetails Validate(RecordOutcome command) => Problems.Validation(command.Check(new FieldErrors()));

    public static OutcomeRecorded Decide(Campaign campaign, Guid outcomeId, RecordOutcome command, string by, DateTimeOffset at) =>
        new(campaign.Id, outcomeId, command.Facts(), by, at);

    [WolverinePost("/api/campaigns/{id}/outcomes", Name = "RecordOutcome")]
    [Tags("Outcomes")]
    [EndpointSummary("Record an outcome: a resolution adopted, a meeting blocked, a policy reversed")]
    public static (NewOutcomeResponse, OutcomeRecorded) Post(RecordOutcome command, [WriteAggregate] Campaign campaign,
        HttpContext context, TimeProvider clock)
    {
        var recorded = Decide(campaign, Guid.CreateVersion7(), command, context.User.ActorName(),
            clock.GetUtcNow());
        return (new NewOutcomeResponse(campaign.Id, recorded.OutcomeId), recorded);
    }
}
