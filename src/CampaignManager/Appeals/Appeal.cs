using CampaignManager.Appeals.Inbox;

namespace CampaignManager.Appeals;

/// <summary>
/// The appeal stream: one <see cref="AppealSent"/>, never changed afterwards. Recipients live on streams of their own
/// (<see cref="AppealRecipient"/>), so 193 deliveries finishing at once never contend for one stream's version.
/// Stored inline as a snapshot: the delivery handler and the views read it as a document.
/// </summary>
public class Appeal
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Guid LetterId { get; set; }
    public AppealSent Sent { get; set; } = null!;

    public static Appeal Create(AppealSent e) => new() { Id = e.AppealId, LetterId = e.LetterId, Sent = e };
}

/// <summary>One recipient of one appeal, folded from its own stream. Rules live in the command files.</summary>
public class AppealRecipient
{
    /// <summary>The language of the text this recipient was sent (see <see cref="AppealRecipientInfo.Language"/>).</summary>
    public string? Language { get; set; }

    public Guid Id { get; set; }
    public int Version { get; set; }
    public Guid AppealId { get; set; }
    public Guid TargetId { get; set; }
    public Guid LetterId { get; set; }
    public string LetterTitle { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public AppealChannel Channel { get; set; }
    public RecipientStatus Status { get; set; }
    public string? Reason { get; set; }
    public string? MessageId { get; set; }

    /// <summary>
    /// Attempts in the current round: the delivery messages' own numbering, which a staff retry starts again at 1
    /// (the redelivery schedule and the "already recorded" checks count within a round).
    /// </summary>
    public int Attempts { get; set; }

    /// <summary>Attempts of the rounds before the last staff retry, so a retry never hides that a copy went out before.</summary>
    public int EarlierAttempts { get; set; }

    /// <summary>How many times staff sent the recipient round again (<see cref="AppealDeliveryRetried"/>).</summary>
    public int Retries { get; set; }

    /// <summary>Every attempt to deliver to this recipient, across staff retries.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public int TotalAttempts => EarlierAttempts + Attempts;
    /// <summary>The attempt handed to the relay whose outcome is not recorded yet; see <see cref="AppealHandedToRelay"/>.</summary>
    public int? HandedToRelayAttempt { get; set; }
    public DateTimeOffset? HandedToRelayAt { get; set; }
    public string? DeliveryMethod { get; set; }
    public string? AcknowledgementReference { get; set; }
    public string? ResponseSummary { get; set; }
    public string? ResponseLink { get; set; }
    public DateTimeOffset? ResponseDueBy { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    /// <summary>When the follow-up was raised; it stays open while the recipient is sent or acknowledged.</summary>
    public DateTimeOffset? FollowUpRaisedAt { get; set; }
    public DateTimeOffset LastChangedAt { get; set; }
    /// <summary>The last delivery status notification: its status code (5.1.1), the remote server's words, when.</summary>
    public string? BounceStatus { get; set; }
    public string? BounceDiagnostic { get; set; }
    public DateTimeOffset? BouncedAt { get; set; }
    /// <summary>Transient (4.x.x) bounces so far; each one that is retried counts, so retrying has an end.</summary>
    public int SoftBounces { get; set; }
    public DateTimeOffset? AutoAcknowledgedAt { get; set; }
    /// <summary>Replies that came by email, oldest first, each with what staff confirmed from it.</summary>
    public List<InboundReply> Replies { get; set; } = [];

    /// <summary>
    /// A recipient's stream id follows from (appeal, target), so a handler or endpoint finds it without a look-up
    /// and the same target can never get two streams in one appeal.
    /// </summary>
    public static Guid StreamId(Guid appealId, Guid targetId)
    {
        Span<byte> both = stackalloc byte[32];
        appealId.TryWriteBytes(both[..16]);
        targetId.TryWriteBytes(both[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(both, hash);
        return new Guid(hash[..16]);
    }

    /// <summary>Follow-up is due once the response date has passed with the letter delivered but unanswered.</summary>
    public RecipientStatus StatusAt(DateTimeOffset now) =>
        Status is RecipientStatus.Sent or RecipientStatus.Acknowledged or RecipientStatus.AutoAcknowledged && ResponseDueBy is { } due && now > due
            ? RecipientStatus.FollowUpDue
            : Status;

    public static AppealRecipient Create(AppealRecipientQueued e) => new()
    {
        Id = StreamId(e.AppealId, e.TargetId), AppealId = e.AppealId, TargetId = e.TargetId, LetterId = e.LetterId,
        LetterTitle = e.LetterTitle, Name = e.Recipient.Name, Email = e.Recipient.Email, Channel = e.Channel, Language = e.Recipient.Language,
        Status = RecipientStatus.Queued, ResponseDueBy = e.ResponseDueBy, QueuedAt = e.At, LastChangedAt = e.At
    };

    public void Apply(AppealHandedToRelay e) => (HandedToRelayAttempt, HandedToRelayAt, MessageId) = (e.Attempt, e.At, e.MessageId);

    public void Apply(AppealEmailSent e)
    {
        (Status, MessageId, Reason, Attempts, SentAt, LastChangedAt) = (RecipientStatus.Sent, e.MessageId, null, e.Attempt, e.At, e.At);
        Settled(e.Attempt);
    }

    public void Apply(AppealDeliveryDeferred e)
    {
        (Reason, Attempts, LastChangedAt) = (e.Reason, e.Attempt, e.At);
        Settled(e.Attempt);
    }

    public void Apply(AppealDeliveryFailed e)
    {
        (Status, Reason, Attempts, LastChangedAt) = (RecipientStatus.Failed, e.Reason, e.Attempt, e.At);
        Settled(e.Attempt);
    }

    public void Apply(AppealDeliveryUncertain e)
    {
        (Status, Reason, Attempts, LastChangedAt) = (RecipientStatus.Uncertain, e.Reason, e.Attempt, e.At);
        Settled(e.Attempt);
    }

    public void Apply(AppealDeliveryRetried e)
    {
        (EarlierAttempts, Retries) = (EarlierAttempts + Attempts, Retries + 1);
        (Status, Email, Reason, Attempts, LastChangedAt) = (RecipientStatus.Queued, e.Email, null, 0, e.At);
        (HandedToRelayAttempt, HandedToRelayAt) = (null, null);
    }

    // An attempt's outcome may be recorded after the next attempt was handed over (it is scheduled with the outcome,
    // recorded by a message of its own); it must not clear that later attempt's mark.
    private void Settled(int attempt)
    {
        if (HandedToRelayAttempt <= attempt) (HandedToRelayAttempt, HandedToRelayAt) = (null, null);
    }

    public void Apply(AppealDeliveredManually e) =>
        (Status, DeliveryMethod, Reason, SentAt, LastChangedAt) = (RecipientStatus.Sent, e.Method, null, e.At, e.At);

    public void Apply(AppealAcknowledged e)
    {
        (Status, AcknowledgementReference, AcknowledgedAt, LastChangedAt) = (RecipientStatus.Acknowledged, e.Reference, e.At, e.At);
        Confirmed(e.ReplyId, "acknowledged");
    }

    public void Apply(AppealFollowUpDue e) => FollowUpRaisedAt = e.At;

    public void Apply(AppealResponded e)
    {
        (Status, ResponseSummary, ResponseLink, RespondedAt, LastChangedAt) = (RecipientStatus.Responded, e.Summary, e.Link, e.At, e.At);
        Confirmed(e.ReplyId, "responded");
    }

    /// <summary>A retry scheduled (<see cref="AppealBounced.RetryAt"/>) puts the recipient back in the queue; otherwise it is bounced.</summary>
    public void Apply(AppealBounced e)
    {
        (BounceStatus, BounceDiagnostic, BouncedAt, LastChangedAt) = (e.Status, e.Diagnostic, e.At, e.At);
        Reason = $"Bounced {e.Status}{(e.Diagnostic is null ? "" : $": {e.Diagnostic}")}" +
                 (e.RetryAt is { } retry ? $"; sending again at {retry.UtcDateTime:yyyy-MM-dd HH:mm} UTC" : "");
        if (!e.Permanent) SoftBounces++;
        Status = e.RetryAt is null ? RecipientStatus.Bounced : RecipientStatus.Queued;
        (HandedToRelayAttempt, HandedToRelayAt) = (null, null);
    }

    public void Apply(AppealAutoAcknowledged e) => (Status, AutoAcknowledgedAt, LastChangedAt) = (RecipientStatus.AutoAcknowledged, e.At, e.At);

    public void Apply(AppealReplyReceived e)
    {
        Replies.Add(new InboundReply(e.InboundMailId, e.From, e.Subject, e.Text, e.ProposedReference, e.Attachments, e.At, null));
        LastChangedAt = e.At;
    }

    private void Confirmed(Guid? replyId, string how)
    {
        var index = Replies.FindIndex(r => r.InboundMailId == replyId);
        if (index >= 0) Replies[index] = Replies[index] with { ConfirmedAs = how };
    }

    /// <summary>The stream folded in memory through the same methods Marten applies; for "as of" reads and decision tests.</summary>
    public static AppealRecipient? Fold(IEnumerable<object> events) => CampaignManager.Hosting.EventFold<AppealRecipient>.Fold(events);
}
