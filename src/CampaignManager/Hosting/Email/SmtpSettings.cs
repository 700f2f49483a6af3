using System.ComponentModel.DataAnnotations;

namespace CampaignManager.Hosting.Email;

/// <summary>Where appeals are handed over for delivery: configuration section <c>Smtp</c> (<c>Smtp__Host</c> etc.).</summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    [Required] public string Host { get; set; } = "localhost";
    [Range(1, 65535)] public int Port { get; set; } = 25;
    // The default only lets a fresh clone start; any real use sets its own (it is also the Message-ID domain).
    [Required, EmailAddress] public string From { get; set; } = "appeals@localhost";
    public string? FromName { get; set; }

    /// <summary>How the connection is protected; see <see cref="SmtpSecurity"/>. Auto unless chosen.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Only when both are set do we authenticate, and then never over a plain connection.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public SmtpResilienceSettings Resilience { get; set; } = new();

    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(UserName), nameof(Password))]
    public bool HasCredentials => !string.IsNullOrEmpty(UserName) && !string.IsNullOrEmpty(Password);
}

/// <summary><c>Smtp:Security</c>.</summary>
public enum SmtpSecurity
{
    /// <summary>
    /// With credentials, TLS is required: implicit TLS on port 465, else STARTTLS (a relay that does not offer it is
    /// refused, so the password never crosses the network in clear). Without credentials, a plain connection, as to a
    /// local relay whose certificate (often self-signed) we could not check anyway.
    /// </summary>
    Auto,
    /// <summary>STARTTLS, required.</summary>
    StartTls,
    /// <summary>Implicit TLS from the first byte (port 465).</summary>
    Tls,
    /// <summary>Plain text, only when chosen explicitly; refused at start-up if credentials are set.</summary>
    None
}

/// <summary>
/// The delivery pipeline's numbers (<c>Smtp:Resilience:*</c>). The defaults ride out a relay that is down for
/// about a minute (delays 2, 4, 8, 16, 30, 30 s plus jitter) without hammering it; tests shorten them.
/// </summary>
public sealed class SmtpResilienceSettings
{
    /// <summary>One connect-and-send; also MailKit's socket timeout so a hung server cannot hold a send forever.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public int MaxRetryAttempts { get; set; } = 6;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Opens when at least half of the attempts in the window failed, so a dead relay is not hit by every recipient.</summary>
    public double CircuitBreakerFailureRatio { get; set; } = 0.5;
    public int CircuitBreakerMinimumThroughput { get; set; } = 10;
    public TimeSpan CircuitBreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan CircuitBreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
