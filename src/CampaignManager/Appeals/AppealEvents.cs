namespace CampaignManager.Appeals;

public enum AppealChannel { Email, Manual }

/// <summary>
/// Where one recipient stands. "followUpDue" is not stored: it is read from the clock (see <see cref="AppealRecipient.StatusAt"/>).
/// "uncertain": the app stopped while the relay was taking the email, so only staff can say whether it arrived.
/// "bounced": a delivery status notification said the address does not take mail; "autoAcknowledged": an automatic
/// answer (an out-of-office) came back, so the email arrived but no person has answered yet.
/// </summary>
public enum RecipientStatus { Queued, Sent, Failed, Acknowledged, Responded, FollowUpDue, Uncertain, Bounced, AutoAcknowledged }

public static class RecipientStatuses
{
    /// <summary>Recipients the letter has reached, whatever happened next; not an uncertain one, which no one knows yet.</summary>
    public static bool Delivered(this RecipientStatus s) =>
        s is RecipientStatus.Sent or RecipientStatus.Acknowledged or RecipientStatus.Responded or RecipientStatus.FollowUpDue
            or RecipientStatus.AutoAcknowledged;
}

/// <summary>A target as it was when the appeal went out: the letter was addressed to these details.</summary>
/// <summary>
/// <see cref="Language"/>: the language of the text this recipient was sent (a translation's tag, or the source's), and
/// <see cref="FormOfAddress"/> the form of address the letter opened with ("Excellency"), as they were at sending.
/// </summary>
public record AppealRecipientInfo(Guid TargetId, string Name, string? Title, string? Organization, string? Email,
    string? Language = null, string? FormOfAddress = null);

/// <summary>A translation sent with an appeal: its text as it was sent, for the recipients whose language it is.</summary>
public record SentTranslation(string Language, int Version, string Title, string Subject, string Body, string Closing);

/// <summary>
/// The final letter went out to these recipients. Carries the text and the printed signatory block as they were
/// sent, so the record of what a target received never depends on later changes elsewhere.
/// </summary>
public record AppealSent(
    Guid AppealId, Guid LetterId, string LetterTitle, int TextVersion, string Subject, string Body, string Closing,
    IReadOnlyList<string> SignatoryLines, AppealChannel Channel, string? CoverMessage, DateTimeOffset? ResponseDueBy,
    IReadOnlyList<AppealRecipientInfo> Recipients, string By, DateTimeOffset At,
    IReadOnlyList<SentTranslation>? Translations = null);

/// <summary>Every event on a recipient's own stream names the appeal and the target, for views across streams.</summary>
public interface IAppealRecipientEvent
{
    Guid AppealId { get; }
    Guid TargetId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary>Opens the recipient's stream in the same transaction as <see cref="AppealSent"/>.</summary>
public record AppealRecipientQueued(
    Guid AppealId, Guid TargetId, Guid LetterId, string LetterTitle, AppealRecipientInfo Recipient, AppealChannel Channel,
    DateTimeOffset? ResponseDueBy, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>
/// Committed after the relay greeted us and before MAIL FROM: from here until the outcome is recorded, a crash leaves
/// no way to know whether the relay took the email, so a redelivered message must not send it again blindly.
/// </summary>
public record AppealHandedToRelay(Guid AppealId, Guid TargetId, string ToAddress, string MessageId, int Attempt, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>
/// An attempt was cut off between <see cref="AppealHandedToRelay"/> and its outcome (the app stopped): the email may or
/// may not have arrived. Nothing is sent automatically; staff check and retry (same Message-ID) or record the delivery.
/// </summary>
public record AppealDeliveryUncertain(Guid AppealId, Guid TargetId, string Reason, int Attempt, DateTimeOffset HandedToRelayAt, string By, DateTimeOffset At) : IAppealRecipientEvent;

public record AppealEmailSent(Guid AppealId, Guid TargetId, string ToAddress, string MessageId, int Attempt, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>The relay could not be reached or was busy; another attempt is scheduled, the recipient stays queued.</summary>
public record AppealDeliveryDeferred(Guid AppealId, Guid TargetId, string Reason, int Attempt, DateTimeOffset NextAttemptAt, string By, DateTimeOffset At) : IAppealRecipientEvent;

public record AppealDeliveryFailed(Guid AppealId, Guid TargetId, string Reason, bool Permanent, int? SmtpStatusCode, int Attempt, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>Staff queued a failed recipient again, to the target's email as it is now (they may have corrected it).</summary>
public record AppealDeliveryRetried(Guid AppealId, Guid TargetId, string? Email, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary>Staff delivered the letter themselves: by hand, fax or post.</summary>
public record AppealDeliveredManually(Guid AppealId, Guid TargetId, string Method, string? Note, string By, DateTimeOffset At) : IAppealRecipientEvent;

/// <summary><see cref="ReplyId"/>: the inbound reply staff confirmed this from, when it came by email.</summary>
public record AppealAcknowledged(Guid AppealId, Guid TargetId, string? Reference, string By, DateTimeOffset At, Guid? ReplyId = null) : IAppealRecipientEvent;

/// <summary><see cref="ReplyId"/>: the inbound reply staff confirmed this from, when it came by email.</summary>
public record AppealResponded(Guid AppealId, Guid TargetId, string Summary, string? Link, string By, DateTimeOffset At, Guid? ReplyId = null) : IAppealRecipientEvent;

/// <summary>The response date passed with the letter delivered and unanswered: staff should follow up.</summary>
public record AppealFollowUpDue(Guid AppealId, Guid TargetId, DateTimeOffset DueBy, string By, DateTimeOffset At) : IAppealRecipientEvent;
