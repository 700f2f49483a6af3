using CampaignManager.Letters;
using CampaignManager.Staff;

namespace CampaignManager.Signatures;

/// <summary>
/// A signer's personal re-confirmation link, stored by the SHA-256 of its 256-bit secret (<see cref="Secrets"/>): the
/// database never holds a usable link, and a lookup is one primary-key hit. It answers for one signature only, and
/// only while its letter is open; closing the letter is what expires it, so no expiry date is kept.
/// </summary>
public record ReconfirmationLink(string Id, Guid SignatureId, Guid LetterId, int TextVersion, DateTimeOffset IssuedAt);

public static class ReconfirmationLinks
{
    /// <summary>Where the signer lands: the letter's public page, which recognises them by the secret in the path.</summary>
    public static string PathFor(string publicToken, string secret) => $"{LetterDetails.PublicSignOnPath(publicToken)}/{secret}";

    /// <summary>A well-formed secret is 64 lowercase hex digits; anything else is not looked up at all.</summary>
    public static bool LooksValid(string? secret) =>
        secret is { Length: 64 } && secret.All(char.IsAsciiHexDigitLower);

    /// <summary>The signature a secret opens on this letter, or null: unknown, malformed, or another letter's link.</summary>
    public static async Task<Signature?> FindAsync(IQuerySession session, Letter letter, string? secret, CancellationToken token)
    {
        if (!LooksValid(secret)) return null;
        var link = await session.LoadAsync<ReconfirmationLink>(Secrets.Hash(secret!), token);
        if (link is null || link.LetterId != letter.Id) return null;
        return await session.LoadAsync<Signature>(link.SignatureId, token);
    }
}
