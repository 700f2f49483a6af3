namespace CampaignManager.Appeals;

/// <summary>Staff delivered the letter themselves; <see cref="Method"/> says how (hand, fax, post...).</summary>
public record RecordManualDelivery(string? Method, string? Note = null);

public static class RecordManualDeliveryEndpoint
{
    /// <summary>The recipient's stream id, derived from both route values (see <see cref="RecipientRules"/>).</summary>
    public static Guid RecipientId(Guid id, Guid targetId) => AppealRecipient.StreamId(id, targetId);

    public static ProblemDetails Validate(Guid id, Guid targetId, RecordManualDelivery command, AppealRecipient? recipient)
    {
        var errors = new FieldErrors().Required("method", command.Method, 100).MaxLength("note", command.Note, 2000, multiLine: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        return RecipientRules.MustBe(recipient, id, targetId, "recorded as delivered", RecipientStatus.Queued, RecipientStatus.Failed,
            RecipientStatus.Uncertain).Then(() =>
            // a queued email recipient is in the delivery pipeline; recording it by hand would race the sender
            recipient!.Channel == AppealChannel.Email && recipient.Status == RecipientStatus.Queued
                ? Problems.Conflict("This recipient's email is still being delivered; record a manual delivery once it has failed.")
                : WolverineContinue.NoProblems);
    }

    public static AppealDeliveredManually Decide(AppealRecipient recipient, RecordManualDelivery command, string by, DateTimeOffset at) =>
        new(recipient.AppealId, recipient.TargetId, command.Method!.Trim(), TextRules.TrimToNull(command.Note), by, at);

    [WolverinePost("/api/appeals/{id}/recipients/{targetId}/delivered", Name = "RecordManualDelivery"), EmptyResponse]
    [EndpointSummary("Record that staff delivered the appeal by other means")]
    [Tags("Appeals")]
    public static AppealDeliveredManually Post(RecordManualDelivery command,
        [WriteAggregate(FromMethod = nameof(RecipientId), Required = false)] AppealRecipient? recipient, HttpContext context,
        TimeProvider clock) => Decide(recipient!, command, context.User.ActorName(), clock.GetUtcNow());
}
