using Microsoft.AspNetCore.Antiforgery;

namespace CampaignManager.Staff;

/// <summary>
/// A browser sends the staff cookie with any request, including one a hostile page makes it send; so every
/// state change authenticated by the cookie must also prove it came from our own pages, with the token the layout
/// puts in a meta tag (sent back as the <c>RequestVerificationToken</c> header) or a form field. A bearer token is
/// never sent by a browser on its own, so API-token calls need no such proof.
/// </summary>
public static class CookieAntiforgery
{
    public const string HeaderName = "RequestVerificationToken";

    public static IApplicationBuilder UseCookieAntiforgery(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!StaffAccess.IsRead(context.Request.Method) && AuthenticatedByCookie(context))
        {
            var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                await StaffProblems.WriteAsync(context, StatusCodes.Status400BadRequest, "Missing or invalid antiforgery token",
                    $"Send the token from the page's request-verification-token meta tag in the {HeaderName} header.");
                return;
            }
        }
        await next(context);
    });

    private static bool AuthenticatedByCookie(HttpContext context) =>
        context.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult is { Succeeded: true } result
        && result.Ticket?.AuthenticationScheme == CookieAuthenticationDefaults.AuthenticationScheme;
}
