namespace CampaignManager.Hosting.Email;

/// <summary>Delivery's log lines, with stable event ids so operators can alert on them and tests can wait for them.</summary>
public sealed partial class EmailSender
{
    public static class Events
    {
        public static readonly EventId Sent = new(4100, nameof(Sent));
        public static readonly EventId Rejected = new(4101, nameof(Rejected));
        public static readonly EventId Retrying = new(4102, nameof(Retrying));
        public static readonly EventId GaveUp = new(4103, nameof(GaveUp));
        public static readonly EventId CircuitOpened = new(4104, nameof(CircuitOpened));
        public static readonly EventId QuitFailed = new(4105, nameof(QuitFailed));
        public static readonly EventId ReplyLost = new(4106, nameof(ReplyLost));
    }

    [LoggerMessage(EventId = 4100, EventName = "Sent", Level = LogLevel.Information, Message = "Appeal email {MessageId} accepted by the SMTP server for {Recipients}")]
    private partial void LogSent(string messageId, string recipients);

    [LoggerMessage(EventId = 4101, EventName = "Rejected", Level = LogLevel.Warning, Message = "Appeal email {MessageId} to {Recipients} rejected: {Reason}")]
    private partial void LogRejected(string messageId, string recipients, string reason);

    [LoggerMessage(EventId = 4102, EventName = "Retrying", Level = LogLevel.Warning, Message = "SMTP attempt {Attempt} failed, retrying in {Delay}: {Reason}")]
    private static partial void LogRetrying(ILogger logger, Exception? exception, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(EventId = 4103, EventName = "GaveUp", Level = LogLevel.Error, Message = "Appeal email {MessageId} to {Recipients} not delivered: {Reason}")]
    private partial void LogGaveUp(Exception exception, string messageId, string recipients, string reason);

    [LoggerMessage(EventId = 4104, EventName = "CircuitOpened", Level = LogLevel.Error, Message = "SMTP circuit breaker opened for {BreakDuration}: the server keeps failing")]
    private static partial void LogCircuitOpened(ILogger logger, TimeSpan breakDuration);

    [LoggerMessage(EventId = 4105, EventName = "QuitFailed", Level = LogLevel.Debug, Message = "Appeal email {MessageId} was accepted, but closing the SMTP session failed")]
    private partial void LogQuitFailed(Exception exception, string messageId);

    [LoggerMessage(EventId = 4106, EventName = "ReplyLost", Level = LogLevel.Error, Message = "Appeal email {MessageId} to {Recipients} may or may not have reached the SMTP server, not sending it again: {Reason}")]
    private partial void LogReplyLost(Exception exception, string messageId, string recipients, string reason);
}
