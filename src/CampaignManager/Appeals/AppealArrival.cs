namespace CampaignManager.Appeals;

/// <summary>
/// What a <see cref="DeliverAppealEmail"/> does when it arrives, decided from the recipient's stream alone. Wolverine
/// delivers a message again after a crash, so arriving twice is normal; sending twice is not.
/// </summary>
public abstract record AppealArrival
{
    private AppealArrival() { }

    /// <summary>Hand the email to the relay, committing <see cref="Fact"/> first (stamped when the relay is connected).</summary>
    public sealed record Send(AppealHandedToRelay Fact) : AppealArrival;

    /// <summary>Nothing to do: the recipient was sent, settled by staff or failed, or a later attempt owns it.</summary>
    public sealed record Skip(string Why) : AppealArrival;

    /// <summary>This attempt reached the relay before and never finished: say so, send nothing.</summary>
    public sealed record Uncertain(AppealDeliveryUncertain Fact) : AppealArrival;

    public static AppealArrival Decide(DeliverAppealEmail message, AppealRecipient? recipient, string messageId, DateTimeOffset at) =>
        recipient switch
        {
            null => new Skip("no such recipient"),
            { Status: not RecipientStatus.Queued } r => new Skip($"already {r.Status}"),
            { HandedToRelayAttempt: { } handed, HandedToRelayAt: { } handedAt } when handed == message.Attempt =>
                new Uncertain(new AppealDeliveryUncertain(message.AppealId, message.TargetId, UncertainReason(handedAt, messageId),
                    message.Attempt, handedAt, DeliverAppealEmailHandler.System, at)),
            { HandedToRelayAttempt: { } handed } when handed > message.Attempt => new Skip($"attempt {handed} is under way"),
            // an earlier attempt's mark whose outcome is not recorded yet: that outcome scheduled this attempt
            { } r => new Send(new AppealHandedToRelay(message.AppealId, message.TargetId, r.Email ?? "", messageId, message.Attempt,
                DeliverAppealEmailHandler.System, at))
        };

    /// <summary>
    /// SMTP gives no way to ask a relay whether it took a message, and the relay's final reply may have come and been
    /// lost with the process; only a person can find out (the recipient, the relay's log by Message-ID).
    /// </summary>
    public static string UncertainReason(DateTimeOffset handedAt, string messageId) =>
        $"The app stopped while the relay was receiving this email (handed over {handedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC), " +
        $"so it may or may not have arrived. {WhatToDo(messageId)}";

    /// <summary>The same doubt without a crash: the session broke after the relay had the recipient, before it answered.</summary>
    public static string ReplyLostReason(string failure, string messageId) =>
        $"The connection to the relay failed before it confirmed this email ({failure}), so it may or may not have arrived. {WhatToDo(messageId)}";

    private static string WhatToDo(string messageId) =>
        $"Check with the recipient or the relay's log (Message-ID {messageId}); Retry sends it again with the same Message-ID, " +
        "or record the delivery if it arrived.";
}
