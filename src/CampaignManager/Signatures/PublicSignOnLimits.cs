using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CampaignManager.Signatures;

/// <summary><c>PublicSignOn:RateLimit:*</c>: how many submits one client may make to one letter in one window.</summary>
public class PublicSignOnRateLimit
{
    public int PermitLimit { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// What keeps the anonymous submit from being used as a firehose: ASP.NET Core's rate limiter and a body-size limit
/// enforced by the server while it reads, whatever Content-Length claims (a chunked body has none).
/// </summary>
public static class PublicSignOnLimits
{
    public const string Policy = "public-sign-on";

    // The form's fields are at most ~1,500 characters; percent-encoded non-Latin text can triple that, and then some.
    public const long MaxRequestBytes = 32 * 1024;

    public static IServiceCollection AddPublicSignOnLimits(this IServiceCollection services)
    {
        services.AddOptions<PublicSignOnRateLimit>().BindConfiguration("PublicSignOn:RateLimit");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, Partition);
            o.OnRejected = RejectAsync;
        });
        return services;
    }

    /// <summary>
    /// Per client and letter together: one noisy address cannot use up a letter's allowance for everyone else (a
    /// letter-wide limit would let an attacker shut a campaign's sign-on), and reading the page is never limited.
    /// </summary>
    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var limit = context.RequestServices.GetRequiredService<IOptions<PublicSignOnRateLimit>>().Value;
        var key = $"{context.Connection.RemoteIpAddress}|{context.Request.RouteValues["token"]}";
        // System.Threading.RateLimiting has no TimeProvider hook, so the window is real time (short in tests)
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit, Window = limit.Window, QueueLimit = 0, AutoReplenishment = true
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken token)
    {
        var http = rejected.HttpContext;
        var detail = "Too many sign-ons from your address to this letter. Please wait a moment and try again.";
        if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            detail = $"Too many sign-ons from your address to this letter. Please try again in {seconds} seconds.";
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail }
        });
    }
}

/// <summary>
/// Reads the form right after [RequestSizeLimit] (order 900) has set the server's limit and before the antiforgery
/// check (order 1000), which would otherwise meet the oversized body first and answer a misleading 400. The form is
/// read once; antiforgery and model binding reuse it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReadFormWithinSizeLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType) return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.HttpContext.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context.HttpContext,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge, Title = "The request is too large.",
                    Detail = $"A sign-on is at most {PublicSignOnLimits.MaxRequestBytes / 1024} KiB."
                }
            });
            context.Result = new EmptyResult();
        }
    }
}
