using Microsoft.AspNetCore.Mvc.Filters;

namespace CampaignManager.Signatures;

/// <summary>
/// What keeps the anonymous submit from being used as a firehose: ASP.NET Core's rate limiter and a body-size limit
/// enforced by the server while it reads, whatever Content-Length claims (a chunked body has none).
/// </summary>
public static class PublicSignOnLimits
{
    public const string Policy = "public-sign-on";

    // The form's fields are at most ~1,500 characters; percent-encoded non-Latin text can triple that, and then some.
    public const long MaxRequestBytes = 32 * 1024;

    /// <summary>
    /// Per client and letter together: one noisy address cannot use up a letter's allowance for everyone else (a
    /// letter-wide limit would let an attacker shut a campaign's sign-on).
    /// </summary>
    public static IServiceCollection AddPublicSignOnLimits(this IServiceCollection services) =>
        services.AddPostLimit(Policy, "PublicSignOn:RateLimit",
            context => $"{context.Connection.RemoteIpAddress}|{context.Request.RouteValues["token"]}");
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
