namespace CampaignManager.Staff;

/// <summary>
/// Password guessing on /signin (and code guessing on one-time links) is slowed per client address
/// (<c>Auth:SignInRateLimit:*</c>). Not per account: a per-account limit would let anyone lock a colleague out by
/// typing wrong passwords under their name.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "staff-sign-in";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services) =>
        services.AddPostLimit(Policy, "Auth:SignInRateLimit", context => $"{context.Connection.RemoteIpAddress}");
}
