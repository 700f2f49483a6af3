using CampaignManager.Appeals;
using CampaignManager.Appeals.Inbox;
using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Partners;

/// <summary>A business fact as a receiver sees it: its webhook type, when it happened, and the public facts about it.</summary>
public record WebhookFact(string Type, DateTimeOffset At, object Data);

/// <summary>
/// Which recorded events become which webhook types, and what each payload says. Payloads carry ids and public facts
/// only: no signer's email or name, no reason typed by a signer or staff, no reply text. A webhook cannot be called back
/// once sent, while names can be withheld, embargoed or erased later (see README, "Webhooks"); a receiver that needs a
/// name asks the API with its own token.
/// </summary>
public static class WebhookTypes
{
    public const string SignatureAdded = "signature.added";
    public const string SignatureConfirmed = "signature.confirmed";
    public const string SignatureWithdrawn = "signature.withdrawn";
    public const string LetterFinalized = "letter.finalized";
    public const string AppealRecipientStatus = "appeal.recipient.status";
    public const string AppealReplyReceived = "appeal.reply.received";

    public static readonly IReadOnlyList<string> All =
        [SignatureAdded, SignatureConfirmed, SignatureWithdrawn, LetterFinalized, AppealRecipientStatus, AppealReplyReceived];

    /// <summary>The event types the fan-out reads from the store; everything else never leaves it.</summary>
    public static readonly IReadOnlyList<Type> Sources =
    [
        typeof(SignatureAdded), typeof(SignatureRenewed), typeof(SignatureEmailConfirmed), typeof(SignatureApproved),
        typeof(SignatureReconfirmed), typeof(SignatureWithdrawn), typeof(LetterFinalized),
        typeof(AppealRecipientQueued), typeof(AppealEmailSent), typeof(AppealDeliveryFailed), typeof(AppealDeliveryUncertain),
        typeof(AppealDeliveryRetried), typeof(AppealDeliveredManually), typeof(AppealAcknowledged), typeof(AppealResponded),
        typeof(AppealFollowUpDue), typeof(AppealBounced), typeof(AppealAutoAcknowledged), typeof(AppealReplyReceived)
    ];

    public static WebhookFact? For(object e) => e switch
    {
        SignatureAdded s => new(SignatureAdded, s.At, new SignatureAddedData(s.SignatureId, s.LetterId, s.Kind, s.Source,
            s.SignedVersion, s.Language, AwaitingConfirmation: s.ConfirmEmailBy is not null, s.AwaitingApproval, Renewed: false)),
        SignatureRenewed s => new(SignatureAdded, s.At, new SignatureAddedData(s.SignatureId, s.LetterId, null, null,
            s.TextVersion, null, AwaitingConfirmation: s.ConfirmEmailBy is not null, s.AwaitingApproval, Renewed: true)),
        SignatureEmailConfirmed s => new(SignatureConfirmed, s.At, new SignatureConfirmedData(s.SignatureId, s.LetterId, "email", null, s.AwaitingApproval)),
        SignatureApproved s => new(SignatureConfirmed, s.At, new SignatureConfirmedData(s.SignatureId, s.LetterId, "approval", null, false)),
        SignatureReconfirmed s => new(SignatureConfirmed, s.At, new SignatureConfirmedData(s.SignatureId, s.LetterId, "textVersion", s.TextVersion, false)),
        SignatureWithdrawn s => new(SignatureWithdrawn, s.At, new SignatureWithdrawnData(s.SignatureId, s.LetterId)),
        LetterFinalized l => new(LetterFinalized, l.At, new LetterFinalizedData(l.LetterId, l.TextVersion)),
        AppealReplyReceived r => new(AppealReplyReceived, r.At, new AppealReplyData(r.AppealId, r.TargetId, r.InboundMailId,
            r.MatchedBy, r.ProposedReference, r.Attachments.Count)),
        IAppealRecipientEvent r when StatusAfter(r) is { } status =>
            new(AppealRecipientStatus, r.At, new AppealRecipientStatusData(r.AppealId, r.TargetId, status)),
        _ => null
    };

    /// <summary>The recipient's status once this event is applied, as the appeal's own JSON names it (see AppealRecipient).</summary>
    public static RecipientStatus? StatusAfter(IAppealRecipientEvent e) => e switch
    {
        AppealRecipientQueued or AppealDeliveryRetried => RecipientStatus.Queued,
        AppealEmailSent or AppealDeliveredManually => RecipientStatus.Sent,
        AppealDeliveryFailed => RecipientStatus.Failed,
        AppealDeliveryUncertain => RecipientStatus.Uncertain,
        AppealAcknowledged => RecipientStatus.Acknowledged,
        AppealResponded => RecipientStatus.Responded,
        AppealFollowUpDue => RecipientStatus.FollowUpDue,
        // a transient bounce schedules another attempt: the recipient is queued again
        AppealBounced b => b.RetryAt is null ? RecipientStatus.Bounced : RecipientStatus.Queued,
        AppealAutoAcknowledged => RecipientStatus.AutoAcknowledged,
        _ => null
    };
}

/// <summary><see cref="Kind"/> and <see cref="Source"/> are null when a withdrawn signer signed again (<see cref="Renewed"/>).</summary>
public record SignatureAddedData(Guid SignatureId, Guid LetterId, SignatoryKind? Kind, SignatureSource? Source, int SignedVersion,
    string? Language, bool AwaitingConfirmation, bool AwaitingApproval, bool Renewed);

/// <summary><see cref="Confirmation"/>: "email" (the signer's link), "approval" (staff) or "textVersion" (a newer text re-confirmed).</summary>
public record SignatureConfirmedData(Guid SignatureId, Guid LetterId, string Confirmation, int? TextVersion, bool AwaitingApproval);

public record SignatureWithdrawnData(Guid SignatureId, Guid LetterId);

public record LetterFinalizedData(Guid LetterId, int TextVersion);

public record AppealRecipientStatusData(Guid AppealId, Guid TargetId, RecipientStatus Status);

public record AppealReplyData(Guid AppealId, Guid TargetId, Guid ReplyId, string MatchedBy, string? ProposedReference, int Attachments);
