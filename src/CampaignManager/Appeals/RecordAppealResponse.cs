namespace CampaignManager.Appeals;

/// <summary>
/// The target answered: a summary for the campaign team and, when published, a link to the answer. <see cref="ReplyId"/>
/// names the emailed reply this confirms, when staff confirm what the inbox proposed.
/// </summary>
public record RecordAppealResponse(string? Summary, string? Link = null, Guid? ReplyId = null);

public static class RecordAppealResponseEndpoint
{
    /// <summary>The recipient's stream id, derived from both route values (see <see cref="RecipientRules"/>).</summary>
    public static Guid RecipientId(Guid id, Guid targetId) => AppealRecipient.StreamId(id, targetId);

    public static ProblemDetails Validate(Guid id, Guid targetId, RecordAppealResponse command, AppealRecipient? recipient)
    {
        var errors = new FieldErrors().Required("summary", command.Summary, 5000, multiLine: true).MaxLength("link", command.Link, 2000)
            .When(!string.IsNullOrWhiteSpace(command.Link) && !TextRules.IsWebLink(command.Link), "link", "must be an http(s) URL")
            .Reply(command.ReplyId, recipient);
        if (errors.Count > 0) return Problems.Validation(errors);
        // one response per recipient: a later exchange is a new appeal, not an overwrite of this answer
        return RecipientRules.MustBe(recipient, id, targetId, "recorded as responded", RecipientStatus.Sent, RecipientStatus.Acknowledged,
            RecipientStatus.AutoAcknowledged);
    }

    public static AppealResponded Decide(AppealRecipient recipient, RecordAppealResponse command, string by, DateTimeOffset at) =>
        new(recipient.AppealId, recipient.TargetId, command.Summary!.Trim(), TextRules.TrimToNull(command.Link), by, at, command.ReplyId);

    [WolverinePost("/api/appeals/{id}/recipients/{targetId}/respond", Name = "RecordAppealResponse"), EmptyResponse]
    [EndpointSummary("Record a recipient's response to the appeal")]
    [Tags("Appeals")]
    public static AppealResponded Post(RecordAppealResponse command,
        [WriteAggregate(FromMethod = nameof(RecipientId), Required = false)] AppealRecipient? recipient, HttpContext context,
        TimeProvider clock) => Decide(recipient!, command, context.User.ActorName(), clock.GetUtcNow());
}
