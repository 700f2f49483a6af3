using CampaignManager.Targets;

namespace CampaignManager.Appeals;

// A target's record across appeals joins Targets' details with Appeals' recipients, so it lives on the Appeals side:
// Appeals already depends on Targets (it sends to them), and Targets stays free of Appeals.

/// <summary>The target's part in one appeal, as its record across appeals lists it.</summary>
public sealed record TargetAppealRecord(
    Guid AppealId, Guid LetterId, string LetterTitle, AppealChannel Channel,
    RecipientStatus Status, string? Reason, DateTimeOffset QueuedAt, DateTimeOffset? SentAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? RespondedAt, DateTimeOffset? ResponseDueBy, IReadOnlyList<ReplyView>? Replies = null);

/// <summary>
/// <see cref="TargetDetails"/> plus the target's record across all appeals. The record is read from the appeal
/// recipients' own documents at request time rather than folded into this projection: recipients of different
/// appeals are written concurrently, and one shared document per target would lose updates under that load.
/// </summary>
public sealed record TargetWithAppeals(
    Guid Id, string Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string> Tags, DateTimeOffset RegisteredAt, string RegisteredBy, DateTimeOffset LastChangedAt,
    IReadOnlyList<TargetAppealRecord> Appeals)
{
    /// <summary>What the API and the target page read; null when there is no such target.</summary>
    public static async Task<TargetWithAppeals?> LoadAsync(IQuerySession session, Guid id, DateTimeOffset now, CancellationToken token)
    {
        if (await session.LoadAsync<TargetDetails>(id, token) is not { } details) return null;
        var appeals = await session.Query<AppealRecipient>().Where(x => x.TargetId == id).ToListAsync(token);
        return From(details, appeals, now);
    }

    public static TargetWithAppeals From(TargetDetails d, IEnumerable<AppealRecipient> appeals, DateTimeOffset now) =>
        new(d.Id, d.Name, d.Title, d.Organization, d.Email, d.Address, d.Country, d.Tags, d.RegisteredAt, d.RegisteredBy,
            d.LastChangedAt, appeals.OrderByDescending(r => r.QueuedAt).Select(r => new TargetAppealRecord(r.AppealId, r.LetterId,
                r.LetterTitle, r.Channel, r.StatusAt(now), r.Reason, r.QueuedAt, r.SentAt, r.AcknowledgedAt, r.RespondedAt,
                r.ResponseDueBy, r.Replies.Select(ReplyView.Of).ToList())).ToList());
}

public static class GetTargetEndpoint
{
    [WolverineGet("/api/targets/{id}", Name = "GetTarget")]
    [Tags("Targets")]
    [EndpointSummary("A target's details and the appeals sent to it")]
    [ProducesResponseType<TargetWithAppeals>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, CancellationToken token) =>
        Problems.OkOrNotFound(await TargetWithAppeals.LoadAsync(session, id, clock.GetUtcNow(), token), "Target", id);
}

/// <summary>
/// The target page's "record across appeals" section. The page lives in Targets and invokes this component by name,
/// so the page shows the record without Targets depending on Appeals.
/// </summary>
public class TargetAppealsViewComponent(IQuerySession session, TimeProvider clock) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid targetId) =>
        await TargetWithAppeals.LoadAsync(session, targetId, clock.GetUtcNow(), HttpContext.RequestAborted) is { } record
            ? View("/Appeals/_TargetAppeals.cshtml", record)
            : Content("");
}
