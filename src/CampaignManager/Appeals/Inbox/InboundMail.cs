namespace CampaignManager.Appeals.Inbox;

/// <summary>
/// One message fetched from the appeals mailbox, kept whatever it turned out to be. Its id is a hash of the message's
/// bytes, so a message fetched twice (two readers for a moment, a restore) is one document: the second insert fails.
/// <see cref="AppealId"/>/<see cref="TargetId"/> are set once it concerns a recipient; an unmatched one waits for
/// staff to assign it (<see cref="UnassignedInboundMail"/>), so nothing that arrives is dropped.
/// </summary>
public class InboundMail
{
    public Guid Id { get; set; }
    public string Folder { get; set; } = "";
    public long UidValidity { get; set; }
    public long Uid { get; set; }
    public long Size { get; set; }
    public DateTimeOffset FetchedAt { get; set; }
    public bool Processed { get; set; }
    public string? MessageId { get; set; }
    public string? From { get; set; }
    public string? Subject { get; set; }
    public DateTimeOffset? Date { get; set; }
    /// <summary>"bounce", "deliveryNotice", "autoReply", "reply" or "unreadable"; "received" until it has been read.</summary>
    public string Kind { get; set; } = "";
    public string? Text { get; set; }
    public string? ProposedReference { get; set; }
    public BounceFacts? Bounce { get; set; }
    public string? AutoReplyReason { get; set; }
    public List<InboundAttachmentInfo> Attachments { get; set; } = [];
    public Guid? AppealId { get; set; }
    public Guid? TargetId { get; set; }
    /// <summary>"message-id", "sender-and-subject", "final-recipient", or "staff" when assigned by hand.</summary>
    public string? MatchedBy { get; set; }
    public string? AssignedBy { get; set; }
    public string? Note { get; set; }

    public bool Unassigned => Processed && TargetId is null;

    public static Guid IdFor(byte[] content) => new(SHA256.HashData(content).AsSpan(0, 16));

    /// <summary>What the message is, rebuilt from what was stored: how staff's assignment decides as the reader would have.</summary>
    public InboundClass Class() => Kind switch
    {
        "bounce" when Bounce is not null => new InboundClass.Bounce(Bounce),
        "deliveryNotice" when Bounce is not null => new InboundClass.DeliveryNotice(Bounce),
        "autoReply" => new InboundClass.AutoReply(AutoReplyReason ?? "automatic reply", Text ?? ""),
        _ => new InboundClass.Reply(Text ?? "", ProposedReference)
    };
}

/// <summary>The message exactly as the server gave it: what every decision was made from, and what staff can download.</summary>
public class InboundRawMail
{
    public Guid Id { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>A kept attachment's bytes, id "{mail id}/{index}".</summary>
public class InboundAttachmentContent
{
    public string Id { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];

    public static string IdFor(Guid mailId, int index) => $"{mailId:N}/{index}";
}

/// <summary>
/// How far the mailbox has been read: the folder's UIDVALIDITY and the last UID handed over. Written in the same
/// transaction as the fetched message, so a restart resumes after it and nothing is fetched twice or skipped.
/// </summary>
public class InboxCursor
{
    public string Id { get; set; } = "";
    public long UidValidity { get; set; }
    public long LastUid { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public static string IdFor(InboxSettings settings) => $"{settings.UserName}@{settings.Host}/{settings.Folder}".ToLowerInvariant();
}

/// <summary>An address a hard bounce said does not exist: no appeal is emailed there again until staff change the target's email.</summary>
public class BouncedAddress
{
    public string Id { get; set; } = "";
    public string Status { get; set; } = "";
    public string? Diagnostic { get; set; }
    public Guid AppealId { get; set; }
    public Guid TargetId { get; set; }
    public DateTimeOffset At { get; set; }

    public static string IdFor(string address) => address.Trim().ToLowerInvariant();
}
