using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Hosting;

/// <summary>How many posts one partition (an address, an address and a letter) may make in one window.</summary>
public class PostLimit
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// ASP.NET Core's rate limiter, with one way of saying no: 429 ProblemDetails and Retry-After. Each capability adds
/// its own named policy (the public sign-on, staff sign-in) with <see cref="AddPostLimit"/>.
/// </summary>
public static class RateLimits
{
    /// <summary>
    /// A fixed window per partition on POSTs only (reading a page is never limited), sized by the configuration
    /// section, e.g. <c>PublicSignOn:RateLimit:PermitLimit</c> and <c>:Window</c>.
    /// </summary>
    public static IServiceCollection AddPostLimit(this IServiceCollection services, string policy, string section,
        Func<HttpContext, string> partition)
    {
        services.AddOptions<PostLimit>(policy).BindConfiguration(section);
        return services.Configure<RateLimiterOptions>(o => o.AddPolicy(policy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
            var limit = context.RequestServices.GetRequiredService<IOptionsMonitor<PostLimit>>().Get(policy);
            // System.Threading.RateLimiting has no TimeProvider hook, so the window is real time (short in tests)
            return RateLimitPartition.GetFixedWindowLimiter(partition(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true
            });
        }));
    }

    public static IServiceCollection AddRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken token)
    {
        var http = rejected.HttpContext;
        var detail = "Too many attempts from your address. Please wait a moment and try again.";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many attempts from your address. Please try again in {seconds} seconds.";
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail }
        });
    }
}
