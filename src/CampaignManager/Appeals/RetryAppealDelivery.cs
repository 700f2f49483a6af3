using CampaignManager.Targets;

namespace CampaignManager.Appeals;

public record RetryAppealDelivery;

public static class RetryAppealDeliveryEndpoint
{
    /// <summary>The recipient's stream id, derived from both route values (see <see cref="RecipientRules"/>).</summary>
    public static Guid RecipientId(Guid id, Guid targetId) => AppealRecipient.StreamId(id, targetId);

    /// <summary>The target as it is now: staff usually retry after correcting the address.</summary>
    public static Task<TargetDetails?> LoadAsync(Guid targetId, IDocumentSession session, CancellationToken token) =>
        session.LoadAsync<TargetDetails>(targetId, token);

    public static ProblemDetails Validate(Guid id, Guid targetId, AppealRecipient? recipient, TargetDetails? target) =>
        // only a failed or uncertain recipient: a queued one is already on its way and a sent one must never be sent
        // twice; an uncertain one may have arrived, and retrying it is staff's deliberate choice (same Message-ID)
        RecipientRules.MustBe(recipient, id, targetId, "retried", RecipientStatus.Failed, RecipientStatus.Uncertain).Then(() =>
            string.IsNullOrWhiteSpace(target?.Email)
                ? Problems.Validation(new FieldErrors().Add("email", "the target has no email address; correct the target first"))
                : WolverineContinue.NoProblems);

    /// <summary>A new round, its first attempt numbered 1; the recipient's total counts on from the rounds before.</summary>
    public static (AppealDeliveryRetried, DeliverAppealEmail) Decide(AppealRecipient recipient, string? email, string by, DateTimeOffset at) =>
        (new AppealDeliveryRetried(recipient.AppealId, recipient.TargetId, email, by, at), new DeliverAppealEmail(recipient.AppealId, recipient.TargetId));

    /// <summary>The retried event and the new delivery message commit together through the outbox.</summary>
    [WolverinePost("/api/appeals/{id}/recipients/{targetId}/retry", Name = "RetryAppealDelivery"), EmptyResponse]
    [EndpointSummary("Retry a failed or uncertain email delivery")]
    [Tags("Appeals")]
    public static (AppealDeliveryRetried, OutgoingMessages) Post(RetryAppealDelivery command,
        [WriteAggregate(FromMethod = nameof(RecipientId), Required = false)] AppealRecipient? recipient, TargetDetails target,
        HttpContext context, TimeProvider clock)
    {
        var (retried, delivery) = Decide(recipient!, target.Email, context.User.ActorName(), clock.GetUtcNow());
        return (retried, [delivery]);
    }
}
