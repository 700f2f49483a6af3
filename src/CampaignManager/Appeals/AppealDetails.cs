namespace CampaignManager.Appeals;

/// <summary>Recipients per status. <see cref="Uncertain"/> ones need a person: see <see cref="AppealDeliveryUncertain"/>.</summary>
public record AppealCounts(int Queued, int Sent, int Failed, int Acknowledged, int Responded, int FollowUpDue, int Uncertain = 0)
{
    public static AppealCounts Of(IReadOnlyCollection<RecipientView> r) => new(
        r.Count(x => x.Status == RecipientStatus.Queued), r.Count(x => x.Status == RecipientStatus.Sent),
        r.Count(x => x.Status == RecipientStatus.Failed), r.Count(x => x.Status == RecipientStatus.Acknowledged),
        r.Count(x => x.Status == RecipientStatus.Responded), r.Count(x => x.Status == RecipientStatus.FollowUpDue),
        r.Count(x => x.Status == RecipientStatus.Uncertain));
}

public record RecipientView(
    Guid TargetId, string Name, string? Email, AppealChannel Channel, RecipientStatus Status, string? Reason, string? MessageId,
    int Attempts, string? DeliveryMethod, string? AcknowledgementReference, string? ResponseSummary, string? ResponseLink,
    DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? RespondedAt, DateTimeOffset LastChangedAt,
    string? Language = null)
{
    public static RecipientView From(AppealRecipient r, DateTimeOffset now) => new(
        r.TargetId, r.Name, r.Email, r.Channel, r.StatusAt(now), r.Reason, r.MessageId, r.Attempts, r.DeliveryMethod,
        r.AcknowledgementReference, r.ResponseSummary, r.ResponseLink, r.SentAt, r.AcknowledgedAt, r.RespondedAt, r.LastChangedAt, r.Language);
}

/// <summary>
/// An appeal as staff follow it up. Joined at read time from the appeal document and the recipients' own inline
/// documents, so the view never lags a delivery; "followUpDue" comes from the injected clock at read time rather
/// than from a scheduled message, so a changed due date or a late answer needs no cancelling.
/// </summary>
public record AppealDetails(
    Guid Id, Guid LetterId, string LetterTitle, int TextVersion, string Subject, AppealChannel Channel, string? CoverMessage,
    DateTimeOffset? ResponseDueBy, IReadOnlyList<string> SignatoryLines, DateTimeOffset SentAt, string SentBy,
    AppealCounts Counts, IReadOnlyList<RecipientView> Recipients)
{
    /// <summary>What the API and the appeal page read; null when there is no such appeal.</summary>
    public static async Task<AppealDetails?> LoadAsync(IQuerySession session, Guid id, DateTimeOffset now, CancellationToken token)
    {
        if (await session.LoadAsync<Appeal>(id, token) is not { } appeal) return null;
        var recipients = await session.Query<AppealRecipient>().Where(x => x.AppealId == id).ToListAsync(token);
        return Build(appeal, recipients, now);
    }

    public static AppealDetails Build(Appeal appeal, IEnumerable<AppealRecipient> recipients, DateTimeOffset now)
    {
        var s = appeal.Sent;
        var views = recipients.OrderBy(r => r.Name, Collation.Names).ThenBy(r => r.TargetId)
            .Select(r => RecipientView.From(r, now)).ToList();
        return new AppealDetails(appeal.Id, s.LetterId, s.LetterTitle, s.TextVersion, s.Subject, s.Channel, s.CoverMessage,
            s.ResponseDueBy, s.SignatoryLines, s.At, s.By, AppealCounts.Of(views), views);
    }
}

public record AppealSummary(Guid Id, DateTimeOffset SentAt, string SentBy, AppealChannel Channel, int TextVersion, AppealCounts Counts);

public static class AppealDetailsEndpoint
{
    [WolverineGet("/api/appeals/{id}", Name = "GetAppeal")]
    [EndpointSummary("An appeal with each recipient's delivery status")]
    [Tags("Appeals")]
    [ProducesResponseType<AppealDetails>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, TimeProvider clock, CancellationToken token) =>
        Problems.OkOrNotFound(await AppealDetails.LoadAsync(session, id, clock.GetUtcNow(), token), "Appeal", id);

    [WolverineGet("/api/letters/{id}/appeals", Name = "ListLetterAppeals")]
    [EndpointSummary("The appeals sent for a letter")]
    [Tags("Appeals")]
    public static async Task<IReadOnlyList<AppealSummary>> List(Guid id, IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        var appeals = await session.Query<Appeal>().Where(x => x.LetterId == id).ToListAsync(token);
        var ids = appeals.Select(a => a.Id).ToArray();
        var recipients = (await session.Query<AppealRecipient>().Where(x => ids.Contains(x.AppealId)).ToListAsync(token))
            .ToLookup(r => r.AppealId);
        var now = clock.GetUtcNow();
        return appeals.OrderBy(a => a.Sent.At).Select(a => new AppealSummary(a.Id, a.Sent.At, a.Sent.By, a.Sent.Channel,
            a.Sent.TextVersion, AppealCounts.Of(recipients[a.Id].Select(r => RecipientView.From(r, now)).ToList()))).ToList();
    }
}
