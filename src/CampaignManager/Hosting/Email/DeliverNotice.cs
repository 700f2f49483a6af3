using CampaignManager.Appeals;

namespace CampaignManager.Hosting.Email;

/// <summary>
/// A plain-text notice to one address (a deadline reminder, the staff digest): a durable message of its own, queued in
/// the same transaction as the fact it announces, and sent through the same relay and resilience as appeal emails.
/// </summary>
public record DeliverNotice(string To, string Subject, string Text, string MessageIdLocalPart, int Attempt = 1)
{
    /// <summary>An address folded into a Message-ID part: letters and digits only, so the id stays valid.</summary>
    public static string Slug(string address) => new(address.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '.').ToArray());
}

public static class DeliverNoticeHandler
{
    public static MimeMessage Render(DeliverNotice notice, MailboxAddress from, DateTimeOffset at)
    {
        var message = new MimeMessage
        {
            Subject = notice.Subject, Date = at,
            // stable per notice, so a resend after an uncertain failure is recognisably the same message
            MessageId = $"{notice.MessageIdLocalPart}@{from.Address[(from.Address.LastIndexOf('@') + 1)..]}",
            Body = new TextPart("plain") { Text = notice.Text }
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(notice.To));
        return message;
    }

    /// <summary>Relay trouble is retried on the appeal redelivery delays; a refusal or a bad address is logged and dropped.</summary>
    public static async Task<OutgoingMessages> HandleAsync(DeliverNotice notice, EmailSender sender, TimeProvider clock,
        IOptions<AppealDeliverySettings> settings, ILogger<DeliverNotice> logger, CancellationToken token)
    {
        MimeMessage message;
        try { message = Render(notice, sender.From, clock.GetUtcNow()); }
        catch (ParseException)
        {
            logger.LogWarning("Notice {Subject} not sent: '{To}' is not an email address", notice.Subject, notice.To);
            return [];
        }
        var result = await sender.SendAsync(message, null, token);
        var delays = settings.Value.Delays;
        if (result is DeliveryResult.Failed { Permanent: false } && notice.Attempt <= delays.Count)
            return [(notice with { Attempt = notice.Attempt + 1 }).DelayedFor(delays[notice.Attempt - 1])];
        if (result is DeliveryResult.Failed f)
            logger.LogWarning("Notice {Subject} to {To} not sent: {Reason}", notice.Subject, notice.To, f.Reason);
        return [];
    }
}
