using Wolverine.Runtime.Handlers;

namespace CampaignManager.Appeals;

/// <summary>
/// What one attempt came to (exactly one of the four facts), recorded as a message of its own: the email is out by
/// now, so a database error while recording retries this message, never the send.
/// </summary>
public record RecordAppealDelivery(Guid AppealId, Guid TargetId, int Attempt,
    AppealEmailSent? Sent = null, AppealDeliveryDeferred? Deferred = null, AppealDeliveryFailed? Failed = null,
    AppealDeliveryUncertain? Uncertain = null) : IAppealDeliveryStep
{
    public static RecordAppealDelivery Of(DeliverAppealEmail message, object fact) => fact switch
    {
        AppealEmailSent s => new(message.AppealId, message.TargetId, message.Attempt, Sent: s),
        AppealDeliveryDeferred d => new(message.AppealId, message.TargetId, message.Attempt, Deferred: d),
        AppealDeliveryFailed f => new(message.AppealId, message.TargetId, message.Attempt, Failed: f),
        AppealDeliveryUncertain u => new(message.AppealId, message.TargetId, message.Attempt, Uncertain: u),
        _ => throw new ArgumentOutOfRangeException(nameof(fact), fact.GetType().Name, "not a delivery outcome")
    };

    public object Fact => (object?)Sent ?? (object?)Deferred ?? (object?)Failed ?? Uncertain ?? throw new InvalidOperationException("no outcome to record");

    public string ReasonAfter(Exception databaseFault) => Sent is { } s
        ? $"The relay accepted the email (Message-ID {s.MessageId}) but recording that failed ({DeliveryFaults.Describe(databaseFault)}): " +
          "it was most likely delivered, so check before retrying, which sends it again."
        : $"{Deferred?.Reason ?? Failed?.Reason ?? Uncertain?.Reason}; recording this attempt failed too ({DeliveryFaults.Describe(databaseFault)}).";
}

public static class RecordAppealDeliveryHandler
{
    public static void Configure(HandlerChain chain) =>
        DeliveryFaults.RetryThenFail(chain, DeliveryFaults.IsDatabaseFault, "a database error while recording a delivery");

    /// <summary>
    /// Recorded only while the recipient is queued and this attempt is not on its stream yet, so a redelivered record
    /// (a crash after its commit) adds nothing.
    /// </summary>
    public static bool ShouldRecord(AppealRecipient? recipient, RecordAppealDelivery record) =>
        recipient is { Status: RecipientStatus.Queued } r && r.Attempts < record.Attempt;

    public static async Task Handle(RecordAppealDelivery record, IDocumentSession session, ILogger<RecordAppealDelivery> logger, CancellationToken token)
    {
        var stream = await session.Events.FetchForWriting<AppealRecipient>(AppealRecipient.StreamId(record.AppealId, record.TargetId), token);
        if (ShouldRecord(stream.Aggregate, record)) stream.AppendOne(record.Fact);
        else logger.LogInformation("Not recording attempt {Attempt} for appeal {AppealId} recipient {TargetId}: already {Status}/{Attempts}",
            record.Attempt, record.AppealId, record.TargetId, stream.Aggregate?.Status, stream.Aggregate?.Attempts);
    }
}
