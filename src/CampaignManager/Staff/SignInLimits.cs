using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CampaignManager.Staff;

/// <summary><c>Auth:SignInRateLimit:*</c>: how many sign-in attempts one address may make in one window.</summary>
public class SignInRateLimit
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Password guessing on /signin (and code guessing on one-time links) is slowed per client address. Not per account:
/// a per-account limit would let anyone lock a colleague out by typing wrong passwords under their name.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "staff-sign-in";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimit>().BindConfiguration("Auth:SignInRateLimit");
        return services.Configure<RateLimiterOptions>(o => o.AddPolicy(Policy, Partition));
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var limit = context.RequestServices.GetRequiredService<IOptions<SignInRateLimit>>().Value;
        return RateLimitPartition.GetFixedWindowLimiter($"{context.Connection.RemoteIpAddress}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true
        });
    }
}
