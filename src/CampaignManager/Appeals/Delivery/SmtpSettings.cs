using System.ComponentModel.DataAnnotations;

namespace CampaignManager.Appeals.Delivery;

/// <summary>Where appeals are handed over for delivery: configuration section <c>Smtp</c> (<c>Smtp__Host</c> etc.).</summary>
public sealed class SmtpSettings
{
    public const string Section = "Smtp";

    [Required] public string Host { get; set; } = "localhost";
    [Range(1, 65535)] public int Port { get; set; } = 25;
    [Required, EmailAddress] public string From { get; set; } = "appeals@campaignmanager.local";
    public string? FromName { get; set; }

    /// <summary>Off by default: the relay we hand mail to is usually local; turn on for a remote submission port.</summary>
    public bool UseStartTls { get; set; }

    /// <summary>Only when both are set do we authenticate.</summary>
    public string? UserName { get; set; }
    public string? Password { get; set; }

    public SmtpResilienceSettings Resilience { get; set; } = new();
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
