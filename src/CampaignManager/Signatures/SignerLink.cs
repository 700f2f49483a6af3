using CampaignManager.Letters;
using CampaignManager.Staff;

namespace CampaignManager.Signatures;

/// <summary>Confirm: the link that confirms a public signer's email, once. Manage: the signer's own page, to see or withdraw.</summary>
public enum SignerLinkPurpose { Confirm, Manage }

/// <summary>
/// A public signer's personal link, stored by the SHA-256 of its 256-bit secret (<see cref="Secrets"/>), as the
/// re-confirmation link is: the database never holds a usable link. A confirmation link stops working at
/// <see cref="ExpiresAt"/> and once used (<see cref="UsedAt"/>); the signer's own link lasts as long as the signature.
/// </summary>
public record SignerLink(string Id, Guid SignatureId, Guid LetterId, SignerLinkPurpose Purpose, DateTimeOffset IssuedAt,
    DateTimeOffset? ExpiresAt = null, DateTimeOffset? UsedAt = null);

public static class SignerLinks
{
    public static string ConfirmPath(string publicToken, string secret) => $"{LetterDetails.PublicSignOnPath(publicToken)}/confirm/{secret}";
    public static string ManagePath(string publicToken, string secret) => $"{LetterDetails.PublicSignOnPath(publicToken)}/mine/{secret}";

    /// <summary>The link a secret opens on the letter behind <paramref name="publicToken"/>, with both; null when it opens nothing.</summary>
    public static async Task<(SignerLink Link, Letter Letter, Signature Signature)?> FindAsync(IQuerySession session, string? publicToken,
        string? secret, SignerLinkPurpose purpose, CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(publicToken) || !ReconfirmationLinks.LooksValid(secret)) return null;
        var link = await session.LoadAsync<SignerLink>(Secrets.Hash(secret!), token);
        if (link is null || link.Purpose != purpose) return null;
        var letter = await session.LoadAsync<Letter>(link.LetterId, token);
        // another letter's token with this secret opens nothing: the link names its letter as well as the signature
        if (letter is null || letter.PublicToken != publicToken) return null;
        var signature = await session.LoadAsync<Signature>(link.SignatureId, token);
        return signature is null ? null : (link, letter, signature);
    }
}
