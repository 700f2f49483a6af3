using System.Text.RegularExpressions;

namespace CampaignManager.Appeals.Inbox;

/// <summary>What one matched inbound message does to its recipient: the events, a resend after a soft bounce, and a note for staff.</summary>
public sealed record InboundOutcome(IReadOnlyList<object> Events, DeliveryMessage<DeliverAppealEmail>? Resend, string Note);

/// <summary>The rules that turn a classified, matched message into the recipient's events. Pure, for the decision tests.</summary>
public static partial class InboundDecision
{
    public const string Actor = "inbox";

    public static InboundOutcome Decide(InboundClass kind, AppealRecipient recipient, Guid mailId, string? from, string? subject,
        IReadOnlyList<InboundAttachmentInfo> attachments, string matchedBy, InboxSettings settings, DateTimeOffset at)
    {
        var (appeal, target) = (recipient.AppealId, recipient.TargetId);
        var believedDelivered = recipient.Status is RecipientStatus.Sent or RecipientStatus.AutoAcknowledged;
        switch (kind)
        {
            case InboundClass.Bounce { Facts: var b } when !believedDelivered:
                return Nothing($"Bounce {b.Status} for a recipient that is {Name(recipient.Status)}: it changes nothing");
            case InboundClass.Bounce { Facts: { Permanent: false } b } when recipient.SoftBounces < settings.SoftBounceRetries:
                var next = at + settings.SoftBounceRetryDelay;
                return new([new AppealBounced(appeal, target, mailId, b.Status, b.Diagnostic, b.FinalRecipient, false, next, Actor, at)],
                    new DeliverAppealEmail(appeal, target, recipient.Attempts + 1).DelayedFor(settings.SoftBounceRetryDelay),
                    $"Soft bounce {b.Status}: sending again at {next.UtcDateTime:yyyy-MM-dd HH:mm} UTC");
            case InboundClass.Bounce { Facts: var b }:
                return new([new AppealBounced(appeal, target, mailId, b.Status, b.Diagnostic, b.FinalRecipient, b.Permanent, null, Actor, at)], null,
                    b.Permanent ? $"Bounced {b.Status}: nothing more is sent to this address" : $"Bounced {b.Status} again: no more retries");
            case InboundClass.DeliveryNotice { Facts: var n }:
                return Nothing($"Delivery report ({n.Action ?? "no action"}, {n.Status}): the relay's news, no change");
            case InboundClass.AutoReply auto when recipient.Status == RecipientStatus.Sent:
                return new([new AppealAutoAcknowledged(appeal, target, mailId, subject, auto.Why, Actor, at)], null, $"Automatic reply ({auto.Why})");
            case InboundClass.AutoReply auto:
                return Nothing($"Automatic reply ({auto.Why}) for a recipient that is {Name(recipient.Status)}: no change");
            case InboundClass.Reply reply:
                return new([new AppealReplyReceived(appeal, target, mailId, from, subject, reply.Text, reply.Reference, attachments, matchedBy, Actor, at)],
                    null, reply.Reference is null ? "Reply: staff to confirm" : $"Reply with reference {reply.Reference}: staff to confirm");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind.GetType().Name, "not a kind of inbound message");
        }
    }

    private static InboundOutcome Nothing(string note) => new([], null, note);

    private static string Name(RecipientStatus s) => JsonNamingPolicy.CamelCase.ConvertName(s.ToString());

    /// <summary>
    /// The recipients an inbound message names through <c>In-Reply-To</c> and <c>References</c>: our Message-IDs are
    /// <c>appeal-{appeal}-{target}@domain</c> (<see cref="Delivery.AppealEmail.MessageIdFor"/>), so they name the stream directly.
    /// In-Reply-To first, then References newest first (RFC 5322 lists them oldest first).
    /// </summary>
    public static IReadOnlyList<(Guid AppealId, Guid TargetId, string MessageId)> Referenced(MimeMessage message, string? originalMessageId = null)
    {
        var ids = new[] { originalMessageId, message.InReplyTo }.Concat(message.References.Reverse());
        return ids.OfType<string>().Select(id => (Id: id.Trim('<', '>', ' '), Match: OurMessageId().Match(id.Trim('<', '>', ' '))))
            .Where(x => x.Match.Success)
            .Select(x => (Guid.ParseExact(x.Match.Groups[1].Value, "N"), Guid.ParseExact(x.Match.Groups[2].Value, "N"), x.Id))
            .Distinct().ToList();
    }

    /// <summary>"Re: AW: Fwd: Automatic reply: Subject" and "Subject" are the same conversation.</summary>
    public static string Conversation(string? subject)
    {
        var s = (subject ?? "").Trim();
        while (ReplyPrefix().Match(s) is { Success: true } m) s = s[m.Length..].TrimStart();
        return Regex.Replace(s, @"\s+", " ").ToLowerInvariant();
    }

    [GeneratedRegex(@"^appeal-([0-9a-f]{32})-([0-9a-f]{32})@", RegexOptions.IgnoreCase)]
    private static partial Regex OurMessageId();

    [GeneratedRegex(@"^(re|fw|fwd|aw|wg|sv|tr|rv|antw|auto|automatic reply|autoreply|out of (the )?office( reply)?)\s*(\[\d+\])?\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();
}
