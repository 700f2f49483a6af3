namespace CampaignManager.Signatures;

/// <summary>A signature as the letter view shows it, with whether it must be re-confirmed on the current text.</summary>
public record SignatoryView(
    Guid Id, SignatoryKind Kind, string Name, string? Title, string? Affiliation, bool AffiliationForIdentificationOnly,
    string? Email, int SignedVersion, bool NeedsReconfirmation, SignatureStatus Status, DateTimeOffset SignedAt,
    DateTimeOffset? WithdrawnAt, string? WithdrawalReason, SignatureSource Source = SignatureSource.Staff, string? FamilyName = null, DateOnly? SignedOn = null)
{
    public static SignatoryView From(Signature s, int currentTextVersion) => new(
        s.Id, s.Kind, s.Name, s.Title, s.Affiliation, s.AffiliationForIdentificationOnly, s.Email, s.SignedVersion,
        s.Status == SignatureStatus.Active && s.SignedVersion < currentTextVersion, s.Status, s.SignedAt,
        s.WithdrawnAt, s.WithdrawalReason, s.Source, s.FamilyName, s.SignedOn);

    /// <summary>The signature as it prints in the block: "Name, Title, Affiliation*".</summary>
    public string PrintedLine => Kind == SignatoryKind.Organization
        ? Name
        : string.Join(", ", new[] { Name, Title, Affiliation is null ? null : Affiliation + (AffiliationForIdentificationOnly ? "*" : "") }
            .Where(x => !string.IsNullOrWhiteSpace(x)));
}
