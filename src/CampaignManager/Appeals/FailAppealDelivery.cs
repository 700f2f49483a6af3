using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Appeals;

/// <summary>A delivery step was dead-lettered: the recipient is recorded as failed with why, so staff see it and can retry.</summary>
public record FailAppealDelivery(Guid AppealId, Guid TargetId, int Attempt, string Reason);

public static class FailAppealDeliveryHandler
{
    /// <summary>
    /// This is the last word on a recipient, so it outlasts an outage that beat the delivery's quick retries: it keeps
    /// trying for about an hour before it too is left in the dead-letter table.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(DeliveryFaults.IsDatabaseFault, "the database is failing").RetryWithCooldown(DeliveryFaults.Cooldowns)
            .Then.ScheduleRetry(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(45))
            .Then.MoveToErrorQueue();

    /// <summary>Only a recipient still queued: one that was sent, settled by hand or failed meanwhile keeps that outcome.</summary>
    public static AppealDeliveryFailed? Decide(AppealRecipient? recipient, FailAppealDelivery command, DateTimeOffset at) =>
        recipient is { Status: RecipientStatus.Queued }
            ? new AppealDeliveryFailed(command.AppealId, command.TargetId, command.Reason, Permanent: false, SmtpStatusCode: null,
                command.Attempt, DeliverAppealEmailHandler.System, at)
            : null;

    public static async Task Handle(FailAppealDelivery command, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<AppealRecipient>(AppealRecipient.StreamId(command.AppealId, command.TargetId), token);
        if (Decide(stream.Aggregate, command, clock.GetUtcNow()) is { } failed) stream.AppendOne(failed);
    }
}
