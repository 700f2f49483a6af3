using MailKit.Net.Smtp;

namespace CampaignManager.Hosting.Email;

/// <summary>The caller's hand-over step failed, so the message was not offered to the relay; the inner exception says why.</summary>
public sealed class HandOverAbortedException(Exception inner) : Exception("The email was not handed to the relay: " + inner.Message, inner);

/// <summary>
/// Notes when the relay accepted the recipient: MailKit sends DATA only after that, so from then on a broken session
/// may have left the whole message with the relay.
/// </summary>
internal sealed class RecipientTrackingSmtpClient : SmtpClient
{
    public bool RecipientAccepted { get; private set; }

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        RecipientAccepted = true;
        base.OnRecipientAccepted(message, mailbox, response);
    }
}

/// <summary>
/// The session failed after the relay accepted the recipient and before it confirmed the message (a timeout, a dropped
/// connection): the relay may have it. Never retried, since a retry could deliver it twice.
/// </summary>
public sealed class ReplyLostException(Exception inner)
    : Exception("The relay may have the message: the session failed before it confirmed it", inner);
