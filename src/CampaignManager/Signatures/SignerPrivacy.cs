using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// A signer's own embargo: their name stays off the public page until the letter is published, while the count includes
/// them from the start. Published means staff lifted the letter's embargo (Letters/PublishSignatories) or finalized it,
/// the moment the letter goes out under its signatories' names; print and DOCX, made for that moment, carry the name.
/// </summary>
public static class SignerPrivacy
{
    public const string UntilPublication = "Name withheld until publication";

    public static bool Published(Letter letter) => letter.SignatoriesPublishedAt is not null || letter.Status == LetterStatus.Final;

    /// <summary>The signatory as the public page may show it now.</summary>
    public static SignatoryView ForPublic(SignatoryView s, Letter letter) =>
        s.NameAfterPublication && !s.NameWithheld && !Published(letter)
            ? s with { Kind = SignatoryKind.Organization, Name = UntilPublication, Title = null, Affiliation = null, AffiliationForIdentificationOnly = false }
            : s;
}
