namespace CampaignManager.Appeals;

/// <summary>
/// The target's office confirmed receipt, often with a reference number for the correspondence. <see cref="ReplyId"/>
/// names the emailed reply this confirms, when staff confirm what the inbox proposed.
/// </summary>
public record AcknowledgeAppeal(string? Reference = null, Guid? ReplyId = null);

public static class AcknowledgeAppealEndpoint
{
    /// <summary>The recipient's stream id, derived from both route values (see <see cref="RecipientRules"/>).</summary>
    public static Guid RecipientId(Guid id, Guid targetId) => AppealRecipient.StreamId(id, targetId);

    public static ProblemDetails Validate(Guid id, Guid targetId, AcknowledgeAppeal command, AppealRecipient? recipient)
    {
        var errors = new FieldErrors().MaxLength("reference", command.Reference, 200).Reply(command.ReplyId, recipient);
        if (errors.Count > 0) return Problems.Validation(errors);
        // only a delivered letter can be acknowledged (an automatic answer is no person's receipt); once answered, the
        // answer says more than a receipt
        return RecipientRules.MustBe(recipient, id, targetId, "acknowledged", RecipientStatus.Sent, RecipientStatus.AutoAcknowledged);
    }

    public static AppealAcknowledged Decide(AppealRecipient recipient, AcknowledgeAppeal command, string by, DateTimeOffset at) =>
        new(recipient.AppealId, recipient.TargetId, TextRules.TrimToNull(command.Reference), by, at, command.ReplyId);

    [WolverinePost("/api/appeals/{id}/recipients/{targetId}/acknowledge", Name = "AcknowledgeAppeal"), EmptyResponse]
    [EndpointSummary("Record that a recipient's office acknowledged the appeal")]
    [Tags("Appeals")]
    public static AppealAcknowledged Post(AcknowledgeAppeal command,
        [WriteAggregate(FromMethod = nameof(RecipientId), Required = false)] AppealRecipient? recipient, HttpContext context,
        TimeProvider clock) => Decide(recipient!, command, context.User.ActorName(), clock.GetUtcNow());
}
