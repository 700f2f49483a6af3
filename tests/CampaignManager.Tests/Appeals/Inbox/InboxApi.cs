using MimeKit;
using CampaignManager.Appeals;
using CampaignManager.Appeals.Inbox;

namespace CampaignManager.Tests.Appeals.Inbox;

/// <summary>Appeals sent through the real relay, and answers to them written the way mail programs write them.</summary>
public static class InboxApi
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>An appeal to one new target, delivered; returns the email as the target received it.</summary>
    public static async Task<(Guid AppealId, Guid TargetId, string Email, MimeMessage Received)> DeliveredAppealAsync(this IAlbaHost host,
        SmtpServerFixture smtp, string name, Guid? letter = null)
    {
        var letterId = letter ?? await host.FinalLetterAsync();
        var (target, email) = await host.TargetAsync(name);
        var (appealId, _) = await host.SendTrackedAsync(letterId, new { targetIds = new[] { target }, channel = "email" });
        var received = smtp.MessagesTo(email).ShouldHaveSingleItem().Message;
        return (appealId, target, email, received);
    }

    /// <summary>A person's answer from the target's address, quoting the letter, threaded (or not) by In-Reply-To.</summary>
    public static MimeMessage Reply(MimeMessage original, string from, string ownWords, bool threaded = true)
    {
        var reply = new MimeMessage { Subject = "RE: " + original.Subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mission.example") };
        reply.From.Add(MailboxAddress.Parse(from));
        reply.To.AddRange(original.From);
        if (threaded)
        {
            reply.InReplyTo = original.MessageId;
            reply.References.Add(original.MessageId!);
        }
        var quoted = string.Join("\n", (original.TextBody ?? "").Split('\n').Take(6).Select(l => "> " + l.TrimEnd('\r')));
        reply.Body = new TextPart("plain") { Text = $"{ownWords}\n\nOn {original.Date:ddd, d MMM yyyy} Coalition Appeals wrote:\n{quoted}\n" };
        return reply;
    }

    public static Task<AppealDetails> AppealUntilAsync(this IAlbaHost host, Guid appealId, Func<AppealDetails, bool> done, string what) =>
        Eventually.UntilAsync(() => host.AppealAsync(appealId), done, Patience, what);

    public static RecipientView Recipient(this AppealDetails appeal, Guid targetId) => appeal.Recipients.Single(r => r.TargetId == targetId);

    public static async Task<List<InboundMailView>> UnassignedAsync(this IAlbaHost host) =>
        (await host.GetAsJson<List<InboundMailView>>("/api/inbox/unassigned"))!;

    /// <summary>
    /// A bounce as Postfix writes one (RFC 3464: a human part, the machine-readable delivery-status, the returned
    /// headers), for the address the letter went to.
    /// </summary>
    public static string DeliveryStatusNotification(MimeMessage original, string address, string status, string diagnostic, string action = "failed")
    {
        var headers = string.Join("\r\n", new[] { "Message-ID", "From", "To", "Subject", "Date" }
            .Select(h => $"{h}: {original.Headers[h]}"));
        return $"""
            Return-Path: <>
            From: MAILER-DAEMON@relay.example.net (Mail Delivery System)
            To: {original.From.Mailboxes.Single().Address}
            Subject: Undelivered Mail Returned to Sender
            Auto-Submitted: auto-replied
            Date: Mon, 5 Jan 2026 09:00:05 +0000
            Message-Id: <{Guid.NewGuid():N}@relay.example.net>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status;
            	boundary="B9D1C0123.1767603605/relay.example.net"

            This is a MIME-encapsulated message.

            --B9D1C0123.1767603605/relay.example.net
            Content-Description: Notification
            Content-Type: text/plain; charset=us-ascii

            This is the mail system at host relay.example.net.

            I'm sorry to have to inform you that your message could not
            be delivered to one or more recipients.

            <{address}>: host mx.mission.example[192.0.2.25] said: {diagnostic}

            --B9D1C0123.1767603605/relay.example.net
            Content-Description: Delivery report
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relay.example.net
            X-Postfix-Queue-ID: B9D1C0123
            Arrival-Date: Mon,  5 Jan 2026 09:00:01 +0000 (UTC)

            Final-Recipient: rfc822; {address}
            Original-Recipient: rfc822;{address}
            Action: {action}
            Status: {status}
            Remote-MTA: dns; mx.mission.example
            Diagnostic-Code: smtp; {diagnostic}

            --B9D1C0123.1767603605/relay.example.net
            Content-Description: Undelivered Message Headers
            Content-Type: text/rfc822-headers

            {headers}

            --B9D1C0123.1767603605/relay.example.net--
            """;
    }
}
