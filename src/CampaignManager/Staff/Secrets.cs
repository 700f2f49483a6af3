namespace CampaignManager.Staff;

/// <summary>
/// Random bearer secrets (API tokens, sign-in links) and their stored form. They carry 256 bits of entropy, so a
/// plain SHA-256 is enough to store them: unlike passwords there is nothing to guess, and lookup stays one index hit.
/// </summary>
public static class Secrets
{
    public static string NewToken() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
