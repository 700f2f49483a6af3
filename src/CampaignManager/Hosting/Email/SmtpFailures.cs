using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace CampaignManager.Hosting.Email;

/// <summary>Which SMTP failures are worth another attempt, and how each reads as a recipient's failure reason.</summary>
internal static class SmtpFailures
{
    /// <summary>The relay may accept the same message a little later: unreachable, slow, or a 4xx reply.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => IsTransientCode((int)command.StatusCode),
        SmtpProtocolException or ServiceNotConnectedException => true,
        SocketException or IOException or TimeoutException => true,
        TimeoutRejectedException or BrokenCircuitException => true,
        _ => false,
    };

    public static bool IsTransientCode(int code) => code is >= 400 and < 500;

    /// <summary>
    /// Only a 5xx about this recipient or this message is the target's permanent failure. A 5xx to MAIL FROM or to
    /// the greeting is our configuration's fault: not retried either, but staff may send again once it is fixed.
    /// </summary>
    public static bool IsPermanentForRecipient(SmtpCommandException e) =>
        (int)e.StatusCode is >= 500 and < 600 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

    public static string Describe(Exception e) => e switch
    {
        SmtpCommandException c => $"{(int)c.StatusCode} {c.Message.Trim()} ({Stage(c.ErrorCode)})",
        BrokenCircuitException => "SMTP server unavailable: too many recent failures, the circuit breaker is open",
        TimeoutRejectedException => "SMTP server did not complete the attempt within the configured timeout",
        SocketException s => $"SMTP server unreachable: {s.SocketErrorCode} ({s.Message})",
        OperationCanceledException => "the SMTP session was cut off (attempt timeout or shutdown)",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private static string Stage(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.RecipientNotAccepted => "recipient rejected",
        SmtpErrorCode.SenderNotAccepted => "sender rejected",
        SmtpErrorCode.MessageNotAccepted => "message rejected",
        _ => "unexpected reply",
    };
}
