using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace CampaignManager.Appeals.Delivery;

/// <summary>Hands appeal emails to the SMTP relay. Substitutable so the appeal workflow can be tested without one.</summary>
public interface IEmailSender
{
    Task<DeliveryResult> SendAsync(AppealEmailContent content, CancellationToken cancellationToken = default);
}

/// <summary>
/// One connection per message through retry (exponential backoff, jitter) → circuit breaker → per-attempt timeout.
/// A singleton: the circuit breaker must see every send to notice that the relay is down.
/// </summary>
public sealed partial class EmailSender : IEmailSender
{
    private readonly SmtpSettings _settings;
    private readonly ILogger<EmailSender> _logger;
    private readonly ResiliencePipeline _pipeline;

    public EmailSender(IOptions<SmtpSettings> settings, TimeProvider timeProvider, ILogger<EmailSender> logger)
    {
        _settings = settings.Value;
        _logger = logger;
        _pipeline = BuildPipeline(_settings.Resilience, timeProvider, logger);
    }

    public MailboxAddress From => new(_settings.FromName ?? "", _settings.From);

    public async Task<DeliveryResult> SendAsync(AppealEmailContent content, CancellationToken cancellationToken = default)
    {
        MimeMessage message;
        try
        {
            message = AppealEmail.Render(content, From);
        }
        catch (ParseException e)
        {
            // no relay will ever take this address; staff must correct the target first
            return new DeliveryResult.Failed($"Invalid recipient address '{content.ToAddress}': {e.Message}", Permanent: true);
        }
        return await SendAsync(message, cancellationToken);
    }

    public async Task<DeliveryResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default)
    {
        var messageId = message.MessageId ?? "";
        try
        {
            await _pipeline.ExecuteAsync(static (state, ct) => state.Item1.SendOnceAsync(state.message, ct), (this, message), cancellationToken);
            LogSent(messageId, Recipients(message));
            return new DeliveryResult.Sent(messageId);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SmtpCommandException e) when (!SmtpFailures.IsTransientCode((int)e.StatusCode))
        {
            var permanent = SmtpFailures.IsPermanentForRecipient(e);
            var reason = SmtpFailures.Describe(e);
            LogRejected(messageId, Recipients(message), reason);
            return new DeliveryResult.Failed(reason, permanent, (int)e.StatusCode);
        }
        catch (Exception e)
        {
            // Exhausted retries or an error retrying cannot fix (e.g. authentication): report, never throw, so the
            // caller records the recipient as failed and staff can send again.
            var reason = SmtpFailures.Describe(e);
            LogGaveUp(e, messageId, Recipients(message), reason);
            return new DeliveryResult.Failed(reason, Permanent: false, (e as SmtpCommandException)?.StatusCode is { } code ? (int)code : null);
        }
    }

    private async ValueTask SendOnceAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = (int)_settings.Resilience.AttemptTimeout.TotalMilliseconds };
        var security = _settings.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(_settings.Host, _settings.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_settings.UserName) && !string.IsNullOrEmpty(_settings.Password))
            await client.AuthenticateAsync(_settings.UserName, _settings.Password, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The relay already accepted the message: failing here must not trigger a retry, which would send it twice.
            LogQuitFailed(e, message.MessageId ?? "");
        }
    }

    internal static ResiliencePipeline BuildPipeline(SmtpResilienceSettings r, TimeProvider timeProvider, ILogger logger)
    {
        var transient = new PredicateBuilder().Handle<Exception>(SmtpFailures.IsTransient);
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = r.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = r.RetryBaseDelay,
                MaxDelay = r.RetryMaxDelay,
                OnRetry = args =>
                {
                    LogRetrying(logger, args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay, SmtpFailures.Describe(args.Outcome.Exception!));
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = r.CircuitBreakerFailureRatio,
                MinimumThroughput = r.CircuitBreakerMinimumThroughput,
                SamplingDuration = r.CircuitBreakerSamplingDuration,
                BreakDuration = r.CircuitBreakerBreakDuration,
                OnOpened = args =>
                {
                    LogCircuitOpened(logger, args.BreakDuration);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(r.AttemptTimeout)
            .Build();
    }

    private static string Recipients(MimeMessage message) => string.Join(", ", message.To.Mailboxes.Select(m => m.Address));

    public static class Events
    {
        public static readonly EventId Sent = new(4100, nameof(Sent));
        public static readonly EventId Rejected = new(4101, nameof(Rejected));
        public static readonly EventId Retrying = new(4102, nameof(Retrying));
        public static readonly EventId GaveUp = new(4103, nameof(GaveUp));
        public static readonly EventId CircuitOpened = new(4104, nameof(CircuitOpened));
        public static readonly EventId QuitFailed = new(4105, nameof(QuitFailed));
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
}
