namespace CampaignManager.Signatures;

/// <summary>
/// The level of assurance of a signature: entered by staff (who vouch for it), confirmed by someone at the signing
/// organization's own email domain, an email confirmed (and approved), approved by staff, or nothing checked.
/// </summary>
public enum Assurance { Staff, OrganizationConfirmed, EmailConfirmedAndApproved, EmailConfirmed, Approved, Unverified }

/// <summary>A signature as the letter view shows it, with whether it must be re-confirmed on the current text.</summary>
public record SignatoryView(
    Guid Id, SignatoryKind Kind, string Name, string? Title, string? Affiliation, bool AffiliationForIdentificationOnly,
    string? Email, int SignedVersion, bool NeedsReconfirmation, SignatureStatus Status, DateTimeOffset SignedAt,
    DateTimeOffset? WithdrawnAt, string? WithdrawalReason, SignatureSource Source = SignatureSource.Staff, string? FamilyName = null, DateOnly? SignedOn = null,
    string? Language = null,
    SignerConsent? Consent = null, bool NameWithheld = false, bool NameAfterPublication = false,
    Assurance Assurance = Assurance.Staff, string? ConfirmedBy = null)
{
    /// <summary>
    /// <see cref="Language"/> is the language of the text the signer signed and <see cref="SignedVersion"/> that text's
    /// version, so a French signer needs to re-confirm only when the French text moved on.
    /// </summary>
    public static SignatoryView From(Signature s, CampaignManager.Letters.Letter letter) =>
        From(s, letter.VersionIn(s.Language)) with { Language = s.Language ?? letter.SourceLanguage };

    public static SignatoryView From(Signature s, SigningTerms terms) =>
        From(s, terms.VersionIn(s.Language)) with { Language = s.Language ?? terms.SourceLanguage };

    public static SignatoryView From(Signature s, int currentTextVersion) => new(
        s.Id, s.Kind, s.Name, s.Title, s.Affiliation, s.AffiliationForIdentificationOnly, s.Email, s.SignedVersion,
        s.Status == SignatureStatus.Active && s.SignedVersion < currentTextVersion, s.Status, s.SignedAt,
        s.WithdrawnAt, s.WithdrawalReason, s.Source, s.FamilyName, s.SignedOn, s.Language, s.Consent, s.NameWithheld, s.NameAfterPublication,
        AssuranceOf(s), s.EmailConfirmedAt is null ? null : s.Email is null ? "confirmed by email (address since erased)" : $"confirmed by {s.Email}");

    /// <summary>How sure staff can be that the signature is real, from the strongest check it passed.</summary>
    public static Assurance AssuranceOf(Signature s) => s switch
    {
        { Source: SignatureSource.Staff } => Assurance.Staff,
        { EmailConfirmedAt: not null, OrganizationDomain: not null } => Assurance.OrganizationConfirmed,
        { EmailConfirmedAt: not null, ApprovedAt: not null } => Assurance.EmailConfirmedAndApproved,
        { EmailConfirmedAt: not null } => Assurance.EmailConfirmed,
        { ApprovedAt: not null } => Assurance.Approved,
        _ => Assurance.Unverified
    };

    public const string Withheld = "Name withheld";

    /// <summary>
    /// The line in the block of a letter in <paramref name="status"/>: on a final letter, a signer still on an earlier
    /// text was kept by staff's choice at finalizing, and the block says which version they signed.
    /// </summary>
    public string BlockLine(CampaignManager.Letters.LetterStatus status) =>
        (status == CampaignManager.Letters.LetterStatus.Final && NeedsReconfirmation ? $"{PrintedLine} (signed version {SignedVersion})" : PrintedLine) +
        (Mark is null ? "" : $" ({Mark})");

    /// <summary>A note staff asked the print or DOCX to add to the line (see <see cref="UnconfirmedInPrint"/>); never stored.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public string? Mark { get; init; }

    /// <summary>A public signature whose email nobody confirmed: counted by the letter's policy, but nothing proves who gave it.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public bool Unconfirmed => Assurance is Assurance.Approved or Assurance.Unverified;

    /// <summary>
    /// The signature as it prints in the block: "Name, Title, Affiliation*", or "Name withheld" for a signer who asked
    /// for that (print, DOCX, appeal emails and the public page alike).
    /// </summary>
    public string PrintedLine => NameWithheld ? Withheld : NamedLine;

    /// <summary>What staff see in their lists: the name always, and whether it is withheld in print.</summary>
    public string StaffLine => NamedLine + (NameWithheld ? " (name withheld in print)" : NameAfterPublication ? " (name public only after publication)" : "");

    private string NamedLine => Kind == SignatoryKind.Organization
        ? Name
        : string.Join(", ", new[] { Name, Title, Affiliation is null ? null : Affiliation + (AffiliationForIdentificationOnly ? "*" : "") }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
}
