using CampaignManager.Appeals.Inbox;

namespace CampaignManager.Appeals;

/// <summary>
/// Recipients per status. <see cref="Uncertain"/> ones need a person: see <see cref="AppealDeliveryUncertain"/>.
/// <see cref="Replied"/> counts recipients who answered by email, whatever staff have recorded from it yet.
/// </summary>
public record AppealCounts(int Queued, int Sent, int Failed, int Acknowledged, int Responded, int FollowUpDue, int Uncertain = 0,
    int Bounced = 0, int AutoAcknowledged = 0, int Replied = 0)
{
    public static AppealCounts Of(IReadOnlyCollection<RecipientView> r) => new(
        r.Count(x => x.Status == RecipientStatus.Queued), r.Count(x => x.Status == RecipientStatus.Sent),
        r.Count(x => x.Status == RecipientStatus.Failed), r.Count(x => x.Status == RecipientStatus.Acknowledged),
        r.Count(x => x.Status == RecipientStatus.Responded), r.Count(x => x.Status == RecipientStatus.FollowUpDue),
        r.Count(x => x.Status == RecipientStatus.Uncertain), r.Count(x => x.Status == RecipientStatus.Bounced),
        r.Count(x => x.Status == RecipientStatus.AutoAcknowledged), r.Count(x => x.Replies?.Count > 0));
}

/// <summary>What the product proposes staff record from a reply: "acknowledge" with the reference it found, else "respond".</summary>
public record ReplyProposal(string Action, string? Reference, string? Summary)
{
    public static ReplyProposal For(InboundReply reply)
    {
        if (reply.ProposedReference is { } reference) return new("acknowledge", reference, null);
        var own = InboundClassification.OwnWords(reply.Text);
        return new("respond", null, own.Length > 500 ? own[..500] + "..." : own);
    }
}

/// <summary>A reply on the appeal and target pages; <see cref="Proposal"/> is null once staff confirmed something from it.</summary>
public record ReplyView(
    Guid Id, string? From, string? Subject, string Text, DateTimeOffset At, IReadOnlyList<InboundAttachmentInfo> Attachments,
    string? ConfirmedAs, ReplyProposal? Proposal)
{
    public static ReplyView Of(InboundReply r) =>
        new(r.InboundMailId, r.From, r.Subject, r.Text, r.At, r.Attachments, r.ConfirmedAs, r.ConfirmedAs is null ? ReplyProposal.For(r) : null);
}

/// <summary>
/// A recipient as staff follow it. <see cref="Attempts"/> counts every delivery attempt, across staff retries (a second
/// copy may have gone out); <see cref="AttemptsThisRound"/> those since the last of the <see cref="Retries"/>.
/// </summary>
public record RecipientView(
    Guid TargetId, string Name, string? Email, AppealChannel Channel, RecipientStatus Status, string? Reason, string? MessageId,
    int Attempts, string? DeliveryMethod, string? AcknowledgementReference, string? ResponseSummary, string? ResponseLink,
    DateTimeOffset? SentAt, DateTimeOffset? AcknowledgedAt, DateTimeOffset? RespondedAt, DateTimeOffset LastChangedAt,
    int AttemptsThisRound = 0, int Retries = 0,
    string? BounceStatus = null, string? BounceDiagnostic = null, DateTimeOffset? BouncedAt = null, DateTimeOffset? AutoAcknowledgedAt = null,
    IReadOnlyList<ReplyView>? Replies = null, string? Language = null)
{
    public static RecipientView From(AppealRecipient r, DateTimeOffset now) => new(
        r.TargetId, r.Name, r.Email, r.Channel, r.StatusAt(now), r.Reason, r.MessageId, r.TotalAttempts, r.DeliveryMethod,
        r.AcknowledgementReference, r.ResponseSummary, r.ResponseLink, r.SentAt, r.AcknowledgedAt, r.RespondedAt, r.LastChangedAt,
        r.Attempts, r.Retries, r.BounceStatus, r.BounceDiagnostic, r.BouncedAt, r.AutoAcknowledgedAt, r.Replies.Select(ReplyView.Of).ToList(),
        r.Language);
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

    /// <summary>
    /// The appeal as it stood at <paramref name="asOf"/>: each recipient folded from its stream's events up to then (by
    /// each event's own <c>At</c>), so a bounce or a reply shows from the moment it was recorded. Null before it was sent.
    /// </summary>
    public static async Task<AppealDetails?> AsOfAsync(IQuerySession session, Guid id, DateTimeOffset asOf, CancellationToken token)
    {
        if (await session.LoadAsync<Appeal>(id, token) is not { } appeal || appeal.Sent.At > asOf) return null;
        var streams = appeal.Sent.Recipients.Select(r => AppealRecipient.StreamId(id, r.TargetId)).ToArray();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(streams)).OrderBy(e => e.Sequence).ToListAsync(token);
        var recipients = events.Where(e => e.Data is IAppealRecipientEvent r && r.At <= asOf).GroupBy(e => e.StreamId)
            .Select(g => AppealRecipient.Fold(g.Select(e => e.Data))).OfType<AppealRecipient>();
        return Build(appeal, recipients, asOf);
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

/// <summary>One event of a recipient's stream; <see cref="Event"/> is its type ("appealBounced", "appealReplyReceived", ...).</summary>
public record RecipientHistoryEntry(string Event, string By, DateTimeOffset At, object Data)
{
    public static RecipientHistoryEntry Of(IAppealRecipientEvent e) => new(JsonNamingPolicy.CamelCase.ConvertName(e.GetType().Name), e.By, e.At, e);
}

public record AppealSummary(Guid Id, DateTimeOffset SentAt, string SentBy, AppealChannel Channel, int TextVersion, AppealCounts Counts);

public static class AppealDetailsEndpoint
{
    [WolverineGet("/api/appeals/{id}", Name = "GetAppeal")]
    [EndpointSummary("An appeal with each recipient's delivery status")]
    [Tags("Appeals")]
    [ProducesResponseType<AppealDetails>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken token)
    {
        var read = AsOfQuery.Read(asOf);
        if (read.Problem is { } unreadable) return Results.Problem(unreadable);
        return read.Moment is { } moment
            ? Problems.OkOrNotFound(await AppealDetails.AsOfAsync(session, id, moment, token), "Appeal", $"{id} as of {moment:O}")
            : Problems.OkOrNotFound(await AppealDetails.LoadAsync(session, id, clock.GetUtcNow(), token), "Appeal", id);
    }

    /// <summary>Everything recorded for one recipient, oldest first: who did it, when, and the event as stored.</summary>
    [WolverineGet("/api/appeals/{id}/recipients/{targetId}/history", Name = "GetAppealRecipientHistory")]
    [EndpointSummary("One recipient's history: deliveries, bounces, automatic answers, replies and what staff recorded")]
    [Tags("Appeals")]
    [ProducesResponseType<IReadOnlyList<RecipientHistoryEntry>>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> History(Guid id, Guid targetId, IQuerySession session, CancellationToken token)
    {
        var events = await session.Events.FetchStreamAsync(AppealRecipient.StreamId(id, targetId), token: token);
        return events.Count == 0
            ? Results.Problem(Problems.NotFound("Recipient", $"{targetId} in appeal {id}"))
            : Results.Ok(events.Where(e => e.Data is IAppealRecipientEvent).Select(e => RecipientHistoryEntry.Of((IAppealRecipientEvent)e.Data)).ToList());
    }

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
