namespace CampaignManager.Appeals.Delivery;

/// <summary>
/// The last appeal email a relay accepted for one recipient, as it was written to the relay, with the relay's answer:
/// what the evidence package proves delivery with. Id: the recipient's stream id. A deliberate resend (same
/// Message-ID) replaces it, since the later copy is the one the recipient most recently received.
/// </summary>
public class SentAppealEmail
{
    public Guid Id { get; set; }
    public Guid AppealId { get; set; }
    public Guid TargetId { get; set; }
    public string MessageId { get; set; } = "";
    public string Relay { get; set; } = "";
    public string Reply { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public byte[] Content { get; set; } = [];
    /// <summary>When an erased signer's line was taken out of this copy (<see cref="AppealErasure"/>); <see cref="Sha256"/> stays the original's.</summary>
    public DateTimeOffset? MaskedAt { get; set; }

    public static SentAppealEmail Of(AppealEmailContent content, string messageId, Hosting.Email.SmtpReceipt receipt) => new()
    {
        Id = AppealRecipient.StreamId(content.AppealId, content.TargetId), AppealId = content.AppealId, TargetId = content.TargetId,
        MessageId = messageId, Relay = receipt.Relay, Reply = receipt.Reply,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(receipt.Message)), Content = receipt.Message
    };
}
