using CampaignManager.Letters;

namespace CampaignManager.Signatures;

public enum SignatoryKind { Organization, Individual }

/// <summary>Staff entered the signature, or the signer used the public sign-on page.</summary>
public enum SignatureSource { Staff, Public }

/// <summary>
/// Each signature is a stream of its own, not events on the letter: a thousand people signing at once append to a
/// thousand streams and never contend for one letter version. <see cref="FamilyName"/> is the part of an individual's
/// name the block files them under when it is not the last word ("Ojea Quintana" in "Tomás Ojea Quintana").
/// <see cref="SignedOn"/> is the day the signer signed, when staff record a signature given earlier (on paper, by
/// email): "as of" views count it from then. <see cref="Language"/>: the translation the signer signed, and then
/// <see cref="SignedVersion"/> is that translation's version; null when they signed the source text (whose language
/// is the letter's SourceLanguage, fixed when it was drafted). <see cref="ConfirmEmailBy"/>, when set, is the moment the signer must
/// confirm their email by: until then the signature waits (never counted or printed), and after it, it expires;
/// <see cref="AwaitingApproval"/> then says whether staff approval follows the confirmation. <see cref="OrganizationDomain"/>:
/// the email is at the signing organization's own registered domain, so confirming it is the organization's word.
/// <see cref="PartnerId"/>: the coalition partner whose link or form brought the signer (OSDI's referrer_data idea).
/// <see cref="Collation"/>: the letter's block collation (<see cref="LetterDrafted.Collation"/>), carried so the sort key
/// folds from this event alone.
/// </summary>
public record SignatureAdded(
    Guid SignatureId, Guid LetterId, SignatoryKind Kind, string Name, string? Title, string? Affiliation,
    bool AffiliationForIdentificationOnly, string? Email, int SignedVersion, string By, DateTimeOffset At,
    SignatureSource Source = SignatureSource.Staff, bool AwaitingApproval = false, string? FamilyName = null,
    DateOnly? SignedOn = null, string? Language = null, DateTimeOffset? ConfirmEmailBy = null, SignerConsent? Consent = null,
    bool NameWithheld = false, bool NameAfterPublication = false, string? OrganizationDomain = null, Guid? PartnerId = null,
    string? Collation = null) : ILetterEvent, IHappened
{
    DateOnly? IHappened.On => SignedOn;
}

/// <summary>Staff accepted a self-submitted signature into the signatory block.</summary>
public record SignatureApproved(Guid SignatureId, Guid LetterId, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>Staff turned a self-submitted signature down; it is kept, never shown in the block.</summary>
public record SignatureRejected(Guid SignatureId, Guid LetterId, string? Reason, string By, DateTimeOffset At) : ILetterEvent;

public record SignatureWithdrawn(Guid SignatureId, Guid LetterId, string? Reason, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>The signer confirmed a newer text version than the one first signed.</summary>
public record SignatureReconfirmed(Guid SignatureId, Guid LetterId, int TextVersion, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// A signer who had withdrawn signed again; the signature is bound to the version signed now. From the public page it
/// waits for staff approval (<see cref="AwaitingApproval"/>) before it counts again, and first for the signer to confirm
/// their email by <see cref="ConfirmEmailBy"/> when the letter asks for that.
/// </summary>
public record SignatureRenewed(Guid SignatureId, Guid LetterId, int TextVersion, string By, DateTimeOffset At,
    bool AwaitingApproval = false, DateTimeOffset? ConfirmEmailBy = null, SignerConsent? Consent = null) : ILetterEvent;

/// <summary>What a public signer agreed to, word for word, in which version of the wording, and when they agreed.</summary>
public record SignerConsent(string Text, string Version, DateTimeOffset At);

/// <summary>
/// The signer followed the personal link sent to <see cref="Email"/>: the address is theirs. The signature counts from
/// now, or waits for staff approval next (<see cref="AwaitingApproval"/>).
/// </summary>
public record SignatureEmailConfirmed(Guid SignatureId, Guid LetterId, string Email, bool AwaitingApproval, string By,
    DateTimeOffset At) : ILetterEvent;

/// <summary>Nobody confirmed the email by <see cref="ConfirmBy"/>: the signature never counted and now never will.</summary>
public record SignatureConfirmationExpired(Guid SignatureId, Guid LetterId, DateTimeOffset ConfirmBy, string By,
    DateTimeOffset At) : ILetterEvent;

/// <summary>
/// A public signer was emailed their personal links: the one to see or withdraw their signature, and, when
/// <see cref="WithConfirmation"/>, the one that confirms it. <see cref="Round"/> is the moment of the sign-on the email
/// answers, so a redelivered message sends nothing twice. Only the links' hashes are kept (<see cref="SignerLink"/>).
/// </summary>
public record SignerEmailed(Guid SignatureId, Guid LetterId, string Email, bool WithConfirmation, DateTimeOffset Round,
    string MessageId, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>The relay would not take the signer's email; staff see why beside the signature.</summary>
public record SignerEmailFailed(Guid SignatureId, Guid LetterId, string Email, bool WithConfirmation, DateTimeOffset Round,
    string Reason, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>
/// The dedupe keys of a signer on one letter (normalized email; kind + name + affiliation). Stored as documents whose
/// primary key makes PostgreSQL refuse a second signer with the same key, even when both arrive at the same instant.
/// </summary>
public record SignerKey(string Id, Guid SignatureId);

/// <summary>
/// A signer was emailed a personal link to re-confirm or withdraw after the text changed (<see cref="Reminder"/> for
/// staff's one reminder). Only the link's hash is kept (see <see cref="ReconfirmationLink"/>), never the link.
/// </summary>
public record ReconfirmationEmailed(Guid SignatureId, Guid LetterId, int TextVersion, string Email, bool Reminder,
    string MessageId, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>The relay would not take the re-confirmation email; staff see why beside the signer.</summary>
public record ReconfirmationEmailFailed(Guid SignatureId, Guid LetterId, int TextVersion, string Email, bool Reminder,
    string Reason, string By, DateTimeOffset At) : ILetterEvent;
