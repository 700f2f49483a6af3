namespace CampaignManager.Hosting.Email;

/// <summary>What became of one appeal email. Delivery never throws for SMTP trouble; the caller records this.</summary>
public abstract record DeliveryResult
{
    private DeliveryResult() { }

    /// <summary>The relay accepted the message (250 after DATA). <see cref="Receipt"/>: what it answered, and what it was given.</summary>
    public sealed record Sent(string MessageId, SmtpReceipt? Receipt = null) : DeliveryResult;

    /// <param name="Reason">For server replies: the SMTP status code and the server's text, e.g. "550 5.1.1 ... mailbox unavailable".</param>
    /// <param name="Permanent">
    /// True when the server refused this recipient or message for good (5xx on RCPT/DATA, or an invalid address):
    /// sending again will not help. False when the relay was unreachable, busy or failing: staff may retry later.
    /// </param>
    /// <param name="SmtpStatusCode">The server's reply code, when the failure was a server reply.</param>
    public sealed record Failed(string Reason, bool Permanent, int? SmtpStatusCode = null) : DeliveryResult;

    /// <summary>The session failed after the relay accepted the recipient and before it answered the message: it may have it.</summary>
    public sealed record Uncertain(string MessageId, string Reason) : DeliveryResult;
}

/// <summary>
/// The proof of one accepted message: the relay (host:port), its final reply to the data (often with its queue id,
/// "250 2.0.0 Ok: queued as 4F2A1C0123"), and the message exactly as written to the relay (before SMTP's dot-stuffing).
/// </summary>
public sealed record SmtpReceipt(string Relay, string Reply, byte[] Message);
