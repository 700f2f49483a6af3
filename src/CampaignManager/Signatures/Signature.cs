using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// Only <see cref="Active"/> counts, prints and exports. <see cref="AwaitingEmailConfirmation"/>: the signer has not yet
/// followed the link sent to their email; <see cref="Expired"/>: they never did, in time.
/// </summary>
public enum SignatureStatus { Active, Withdrawn, AwaitingApproval, Rejected, AwaitingEmailConfirmation, Expired }

/// <summary>One signature folded from its stream; stored inline so a letter's signatures are one indexed query.</summary>
public class Signature : IBlockSigner
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public Guid LetterId { get; set; }
    public SignatoryKind Kind { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Given when the family name is not the last word of an individual's name; null otherwise.</summary>
    public string? FamilyName { get; set; }
    public string? Title { get; set; }
    public string? Affiliation { get; set; }
    public bool AffiliationForIdentificationOnly { get; set; }
    public string? Email { get; set; }
    /// <summary>The version of the text the signer stands on, in <see cref="Language"/>.</summary>
    public int SignedVersion { get; set; }

    /// <summary>The translation signed; null for the source text. Re-confirmations follow this text's revisions only.</summary>
    public string? Language { get; set; }
    public SignatureStatus Status { get; set; }
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>The day the signer signed, when recorded later than that; see <see cref="SignatureAdded.SignedOn"/>.</summary>
    public DateOnly? SignedOn { get; set; }
    public string SignedBy { get; set; } = "";
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? WithdrawalReason { get; set; }
    public SignatureSource Source { get; set; }

    /// <summary>The text version the signer was last emailed about, and when; null until a revision emails them.</summary>
    public int? ReconfirmationVersion { get; set; }
    public DateTimeOffset? ReconfirmationEmailedAt { get; set; }
    public DateTimeOffset? ReconfirmationRemindedAt { get; set; }
    public string? ReconfirmationEmailError { get; set; }
    public DateTimeOffset? ReconfirmedAt { get; set; }

    /// <summary>The moment the email must be confirmed by, while it waits for that; see <see cref="SignatureAdded.ConfirmEmailBy"/>.</summary>
    public DateTimeOffset? ConfirmEmailBy { get; set; }
    /// <summary>What the signer agreed to on the public page; null for a signature staff entered.</summary>
    public SignerConsent? Consent { get; set; }
    /// <summary>Counted, printed as "Name withheld"; see <see cref="AddSignatory.NameWithheld"/>.</summary>
    public bool NameWithheld { get; set; }
    /// <summary>The public page shows the name only once the letter is published; see <see cref="SignerPrivacy"/>.</summary>
    public bool NameAfterPublication { get; set; }
    /// <summary>The organization's own domain the email is at; see <see cref="SignatureAdded.OrganizationDomain"/>.</summary>
    public string? OrganizationDomain { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    /// <summary>Staff approval follows the email confirmation (the terms the signer signed under).</summary>
    public bool ApprovalAfterConfirmation { get; set; }
    public DateTimeOffset? EmailConfirmedAt { get; set; }
    /// <summary>The sign-on the signer was last emailed their links for (<see cref="SignerEmailed.Round"/>), and any failure.</summary>
    public DateTimeOffset? SignerEmailRound { get; set; }
    public DateTimeOffset? SignerEmailedAt { get; set; }
    public string? SignerEmailError { get; set; }

    /// <summary>Where the signature falls in the unpinned block; a name never changes, so it is fixed when signed.</summary>
    public string SortKey { get; set; } = "";
    /// <summary>The letter's block collation when signed (<see cref="SignatureAdded.Collation"/>); null: ICU's root.</summary>
    public string? Collation { get; set; }

    /// <summary>When an admin erased the signer's personal data (<see cref="SignerErased"/>), and who.</summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public string? ErasedBy { get; set; }
    /// <summary>When the retention setting erased the email alone (<see cref="SignerEmailErased"/>).</summary>
    public DateTimeOffset? EmailErasedAt { get; set; }
    /// <summary>The coalition partner that brought the signer; a renewal keeps it (the same signature again).</summary>
    public Guid? PartnerId { get; set; }

    bool IBlockSigner.InBlock => Status == SignatureStatus.Active;

    public static Signature Create(SignatureAdded e) => new()
    {
        Id = e.SignatureId,
        LetterId = e.LetterId,
        Kind = e.Kind,
        Name = e.Name,
        FamilyName = e.FamilyName,
        Title = e.Title,
        Affiliation = e.Affiliation,
        AffiliationForIdentificationOnly = e.AffiliationForIdentificationOnly,
        Email = e.Email,
        SignedVersion = e.SignedVersion,
        Language = e.Language,
        Status = e.ConfirmEmailBy is not null ? SignatureStatus.AwaitingEmailConfirmation
            : e.AwaitingApproval ? SignatureStatus.AwaitingApproval : SignatureStatus.Active,
        ConfirmEmailBy = e.ConfirmEmailBy,
        Consent = e.Consent,
        NameWithheld = e.NameWithheld,
        NameAfterPublication = e.NameAfterPublication,
        OrganizationDomain = e.OrganizationDomain,
        PartnerId = e.PartnerId,
        ApprovalAfterConfirmation = e.ConfirmEmailBy is not null && e.AwaitingApproval,
        Source = e.Source,
        SignedAt = e.At,
        SignedOn = e.SignedOn,
        SignedBy = e.By,
        Collation = e.Collation,
        SortKey = SignatoryOrder.KeyFor(e.Kind, e.Name, e.FamilyName, e.NameWithheld, e.Collation)
    };

    public void Apply(SignatureWithdrawn e)
    {
        Status = SignatureStatus.Withdrawn;
        WithdrawnAt = e.At;
        WithdrawalReason = e.Reason;
    }

    public void Apply(SignatureReconfirmed e)
    {
        SignedVersion = e.TextVersion;
        ReconfirmedAt = e.At;
    }

    public void Apply(ReconfirmationEmailed e)
    {
        // a newer revision starts a new round: its first email, then at most one reminder
        if (e.Reminder) ReconfirmationRemindedAt = e.At;
        else (ReconfirmationEmailedAt, ReconfirmationRemindedAt) = (e.At, null);
        ReconfirmationVersion = e.TextVersion;
        ReconfirmationEmailError = null;
    }

    public void Apply(ReconfirmationEmailFailed e)
    {
        ReconfirmationVersion = e.TextVersion;
        ReconfirmationEmailError = e.Reason;
    }

    public void Apply(SignatureApproved e) => (Status, ApprovedAt) = (SignatureStatus.Active, e.At);

    public void Apply(SignatureRejected e)
    {
        Status = SignatureStatus.Rejected;
        WithdrawalReason = e.Reason;
    }

    public void Apply(SignatureRenewed e)
    {
        Status = e.ConfirmEmailBy is not null ? SignatureStatus.AwaitingEmailConfirmation
            : e.AwaitingApproval ? SignatureStatus.AwaitingApproval : SignatureStatus.Active;
        ConfirmEmailBy = e.ConfirmEmailBy;
        Consent = e.Consent ?? Consent;
        ApprovalAfterConfirmation = e.ConfirmEmailBy is not null && e.AwaitingApproval;
        SignedVersion = e.TextVersion;
        WithdrawnAt = null;
        WithdrawalReason = null;
    }

    public void Apply(SignatureEmailConfirmed e)
    {
        Status = e.AwaitingApproval ? SignatureStatus.AwaitingApproval : SignatureStatus.Active;
        EmailConfirmedAt = e.At;
        ConfirmEmailBy = null;
    }

    public void Apply(SignatureConfirmationExpired e)
    {
        Status = SignatureStatus.Expired;
        ConfirmEmailBy = null;
    }

    public void Apply(SignerEmailed e) => (SignerEmailRound, SignerEmailedAt, SignerEmailError) = (e.Round, e.At, null);

    public void Apply(SignerEmailFailed e) => (SignerEmailRound, SignerEmailError) = (e.Round, e.Reason);

    /// <summary>
    /// The same data masked out of the stream's events (<see cref="SignerErasure"/>), so a rebuild from them gives this
    /// document again: an individual keeps counting, printed as a withheld name and filed as one.
    /// </summary>
    public void Apply(SignerErased e)
    {
        var data = SignerErasure.Data.Of(this, emailOnly: false);
        ScrubNotes(data);
        if (Kind == SignatoryKind.Individual) (Name, FamilyName, NameWithheld) = (SignerErasure.ErasedName, null, true);
        (Title, Email, ErasedAt, ErasedBy) = (null, null, e.At, e.By);
        SortKey = SignatoryOrder.KeyFor(Kind, Name, FamilyName, NameWithheld, Collation);
    }

    public void Apply(SignerEmailErased e)
    {
        ScrubNotes(SignerErasure.Data.Of(this, emailOnly: true));
        (Email, EmailErasedAt) = (null, e.At);
    }

    private void ScrubNotes(SignerErasure.Data data)
    {
        WithdrawalReason = SignerErasure.Scrub(WithdrawalReason, data);
        SignerEmailError = SignerErasure.Scrub(SignerEmailError, data);
        ReconfirmationEmailError = SignerErasure.Scrub(ReconfirmationEmailError, data);
    }

    /// <summary>The stream folded in memory through the same methods Marten applies; for "as of" reads and decision tests.</summary>
    public static Signature? Fold(IEnumerable<object> events) => CampaignManager.Hosting.EventFold<Signature>.Fold(events);
}
