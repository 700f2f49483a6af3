using System.Net;
using CampaignManager.Hosting.Email;

namespace CampaignManager.Appeals.Inbox;

/// <summary>
/// The appeals mailbox, read over IMAP: section <c>Inbox</c> (<c>Inbox__Host</c> etc.). Off while <see cref="Host"/> is
/// unset. Usually the mailbox behind <c>Smtp:From</c>, where bounces and replies to appeals arrive.
/// </summary>
public sealed class InboxSettings
{
    public const string Section = "Inbox";

    public string? Host { get; set; }
    /// <summary>Defaults to 993 with <see cref="SmtpSecurity.Tls"/>, else 143.</summary>
    public int? Port { get; set; }
    /// <summary>As for SMTP; Auto is implicit TLS on 993 and STARTTLS elsewhere (IMAP always logs in). None only to a loopback host.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string Folder { get; set; } = "INBOX";

    /// <summary>IDLE where the server offers it (new mail arrives within a second); polling every <see cref="PollInterval"/> otherwise.</summary>
    public bool UseIdle { get; set; } = true;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>RFC 2177: re-issue IDLE at least every 29 minutes; servers and NATs often drop quiet connections sooner.</summary>
    public TimeSpan IdleRefresh { get; set; } = TimeSpan.FromMinutes(9);
    /// <summary>After the server or the database failed, and how often a standby node asks whether it may read.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An attachment above this is listed (name, type, size) but not kept.</summary>
    public long MaxAttachmentBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Transient (4.x.x) bounces retried per recipient, each after <see cref="SoftBounceRetryDelay"/>; the next one bounces it.</summary>
    public int SoftBounceRetries { get; set; } = 2;
    public TimeSpan SoftBounceRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    public int EffectivePort => Port ?? (Security == SmtpSecurity.Tls ? 993 : 143);

    public MailKit.Security.SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.Tls => MailKit.Security.SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => MailKit.Security.SecureSocketOptions.StartTls,
        SmtpSecurity.None => MailKit.Security.SecureSocketOptions.None,
        _ => EffectivePort == 993 ? MailKit.Security.SecureSocketOptions.SslOnConnect : MailKit.Security.SecureSocketOptions.StartTls
    };

    /// <summary>Why these settings cannot work, or null. Checked at start-up so a typo stops the host rather than the mail.</summary>
    public string? Problem()
    {
        if (!Enabled) return null;
        if (string.IsNullOrWhiteSpace(UserName) || string.IsNullOrEmpty(Password)) return "Inbox:UserName and Inbox:Password are required with Inbox:Host";
        if (EffectivePort is < 1 or > 65535) return "Inbox:Port must be 1 to 65535";
        if (string.IsNullOrWhiteSpace(Folder)) return "Inbox:Folder must name a folder";
        // the password would cross the network in clear
        if (Security == SmtpSecurity.None && !IsLoopback(Host!)) return "Inbox:Security None is only allowed to a loopback host";
        if (PollInterval <= TimeSpan.Zero || IdleRefresh <= TimeSpan.Zero || RetryDelay <= TimeSpan.Zero || SoftBounceRetryDelay <= TimeSpan.Zero)
            return "Inbox intervals must be positive";
        return MaxAttachmentBytes < 0 || SoftBounceRetries < 0 ? "Inbox:MaxAttachmentBytes and Inbox:SoftBounceRetries cannot be negative" : null;
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip);
}

/// <summary>Stops the host at start-up with what is wrong in the Inbox section, rather than failing each time it reads.</summary>
public sealed class InboxSettingsValidation : IValidateOptions<InboxSettings>
{
    public ValidateOptionsResult Validate(string? name, InboxSettings options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
