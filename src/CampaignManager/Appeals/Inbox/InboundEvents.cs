namespace CampaignManager.Appeals.Inbox;

/// <summary>
/// A delivery status notification (RFC 3464) came back for this recipient's email. <see cref="Permanent"/> (a 5.x.x
/// status) means the address does not work: the recipient is bounced and nothing more is sent there. A transient one
/// (4.x.x) with the relay having given up schedules another attempt at <see cref="RetryAt"/>.
/// </summary>
public record AppealBounced(
    Guid AppealId, Guid TargetId, Guid InboundMailId, string Status, string? Diagnostic, string? FinalRecipient, bool Permanent,
    DateTimeOffset? RetryAt, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>An automatic answer (RFC 3834 Auto-Submitted, an out-of-office): the email arrived, no person has read it yet.</summary>
public record AppealAutoAcknowledged(Guid AppealId, Guid TargetId, Guid InboundMailId, string? Subject, string Why, string By, DateTimeOffset At)
    : IAppealRecipientEvent;

/// <summary>An attachment of an inbound message; <see cref="Stored"/> is false when it was over the size limit.</summary>
public record InboundAttachmentInfo(int Index, string FileName, string ContentType, long Size, bool Stored);

/// <summary>
/// A person answered. The product proposes what staff might record (<see cref="ProposedReference"/> when the text
/// carries one); only staff confirm it, with AcknowledgeAppeal or RecordAppealResponse naming this reply.
/// </summary>
public record AppealReplyReceived(
    Guid AppealId, Guid TargetId, Guid InboundMailId, string? From, string? Subject, string Text, string? ProposedReference,
    IReadOnlyList<InboundAttachmentInfo> Attachments, string MatchedBy, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>A reply as the recipient's document keeps it; <see cref="ConfirmedAs"/> once staff recorded it ("acknowledged", "responded").</summary>
public record InboundReply(
    Guid InboundMailId, string? From, string? Subject, string Text, string? ProposedReference,
    IReadOnlyList<InboundAttachmentInfo> Attachments, DateTimeOffset At, string? ConfirmedAs);
