namespace CampaignManager.Appeals.Inbox;

/// <summary>An inbound message as staff see it in the list of those to assign.</summary>
public record InboundMailView(
    Guid Id, string? From, string? Subject, DateTimeOffset? Date, DateTimeOffset FetchedAt, string Kind, string? Text,
    string? ProposedReference, BounceFacts? Bounce, IReadOnlyList<InboundAttachmentInfo> Attachments, Guid? AppealId, Guid? TargetId,
    string? MatchedBy, string? AssignedBy, string? Note)
{
    public static InboundMailView Of(InboundMail m) => new(m.Id, m.From, m.Subject, m.Date, m.FetchedAt, m.Kind, m.Text, m.ProposedReference,
        m.Bounce, m.Attachments, m.AppealId, m.TargetId, m.MatchedBy, m.AssignedBy, m.Note);
}

public static class UnassignedInboundMail
{
    /// <summary>
    /// The messages nobody matched, oldest first: each waits for staff to assign it to a recipient, none is dropped.
    /// Those still being read are listed too (kind "received"), so one whose processing failed is never out of sight.
    /// </summary>
    public static async Task<IReadOnlyList<InboundMailView>> LoadAsync(IQuerySession session, CancellationToken token) =>
        (await session.Query<InboundMail>().Where(m => m.TargetId == null).OrderBy(m => m.FetchedAt).ThenBy(m => m.Uid).ToListAsync(token))
            .Select(InboundMailView.Of).ToList();

    [WolverineGet("/api/inbox/unassigned", Name = "ListUnassignedInboundMail")]
    [EndpointSummary("Inbound mail no appeal recipient matched, waiting for staff to assign it")]
    [Tags("Inbox")]
    public static Task<IReadOnlyList<InboundMailView>> Get(IQuerySession session, CancellationToken token) => LoadAsync(session, token);

    [WolverineGet("/api/inbox/messages/{id}", Name = "GetInboundMail")]
    [EndpointSummary("One inbound message: what it was taken for and whose it is")]
    [Tags("Inbox")]
    [ProducesResponseType<InboundMailView>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> GetOne(Guid id, IQuerySession session, CancellationToken token) =>
        Problems.OkOrNotFound(await session.LoadAsync<InboundMail>(id, token) is { } m ? InboundMailView.Of(m) : null, "Inbound message", id);

    /// <summary>A kept attachment, served as a download (never rendered inline: it came from outside).</summary>
    [WolverineGet("/api/inbox/messages/{id}/attachments/{index}", Name = "GetInboundAttachment")]
    [EndpointSummary("Download an attachment of an inbound message")]
    [Tags("Inbox")]
    public static async Task<IResult> GetAttachment(Guid id, int index, IQuerySession session, CancellationToken token) =>
        await session.LoadAsync<InboundAttachmentContent>(InboundAttachmentContent.IdFor(id, index), token) is { } a
            ? Results.File(a.Content, "application/octet-stream", a.FileName)
            : Results.Problem(Problems.NotFound("Attachment", $"{index} of inbound message {id}"));
}
