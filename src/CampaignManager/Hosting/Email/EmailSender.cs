using MailKit.Net.Smtp;
using MailKit.Security;
using Polly;

namespace CampaignManager.Hosting.Email;

/// <summary>
/// Hands emails to the SMTP relay (appeals, signers' re-confirmation links): one connection per message through
/// retry (exponential backoff, jitter) → circuit breaker → per-attempt timeout.
/// A singleton: the circuit breaker must see every send to notice that the relay is down.
/// </summary>
public sealed partial class EmailSender
{
    /// <summary>
    /// How many emails each durable queue (appeal deliveries, re-confirmations) hands to the relay at once; the rest
    /// wait their turn in the queue.
    /// </summary>
    public const int Parallelism = 5;

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

    public async Task<DeliveryResult> SendAsync(MimeMessage message, Func<CancellationToken, Task>? handingOver = null,
        CancellationToken cancellationToken = default)
    {
        var messageId = message.MessageId ?? "";
        try
        {
            var receipt = await _pipeline.ExecuteAsync(static (state, ct) => state.sender.SendOnceAsync(state.message, state.handingOver, ct),
                (sender: this, message, handingOver), cancellationToken);
            LogSent(messageId, Recipients(message));
            return new DeliveryResult.Sent(messageId, receipt);
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
        catch (ReplyLostException e)
        {
            var reason = SmtpFailures.Describe(e.InnerException!);
            LogReplyLost(e, messageId, Recipients(message), reason);
            return new DeliveryResult.Uncertain(messageId, reason);
        }
        catch (Exception e) when (e is not HandOverAbortedException)
        {
            // Exhausted retries or an error retrying cannot fix (e.g. authentication): report, never throw, so the
            // caller records the recipient as failed and staff can send again.
            var reason = SmtpFailures.Describe(e);
            LogGaveUp(e, messageId, Recipients(message), reason);
            return new DeliveryResult.Failed(reason, Permanent: false, (e as SmtpCommandException)?.StatusCode is { } code ? (int)code : null);
        }
    }

    private async ValueTask<SmtpReceipt> SendOnceAsync(MimeMessage message, Func<CancellationToken, Task>? handingOver, CancellationToken cancellationToken)
    {
        using var client = new RecipientTrackingSmtpClient { Timeout = (int)_settings.Resilience.AttemptTimeout.TotalMilliseconds };
        await client.ConnectAsync(_settings.Host, _settings.Port, SocketOptions(_settings), cancellationToken);
        if (_settings.HasCredentials)
            await client.AuthenticateAsync(_settings.UserName, _settings.Password, cancellationToken);
        // After connecting, so an unreachable relay (minutes of retries) is never mistaken for one that may have the email
        if (handingOver is not null)
        {
            try { await handingOver(cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw new HandOverAbortedException(e);
            }
        }
        string reply;
        try
        {
            reply = await client.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (client.RecipientAccepted && e is not SmtpCommandException)
        {
            // a reply to DATA is the relay's answer; anything else from here on leaves the message's fate unknown
            throw new ReplyLostException(e);
        }
        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The relay already accepted the message: failing here must not trigger a retry, which would send it twice.
            LogQuitFailed(e, message.MessageId ?? "");
        }
        // MailKit prepared the message for this relay (encodings, boundaries) before sending: these are the bytes it wrote
        using var written = new MemoryStream();
        await message.WriteToAsync(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, written, cancellationToken);
        return new SmtpReceipt($"{_settings.Host}:{_settings.Port}", $"250 {reply}".Trim(), written.ToArray());
    }

    /// <summary>Never plain when we authenticate: StartTls (not "when available") makes MailKit refuse a relay without it.</summary>
    internal static SecureSocketOptions SocketOptions(SmtpSettings settings) => settings.Security switch
    {
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ when !settings.HasCredentials => SecureSocketOptions.None,
        _ => settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
    };

    private static string Recipients(MimeMessage message) => string.Join(", ", message.To.Mailboxes.Select(m => m.Address));
}
