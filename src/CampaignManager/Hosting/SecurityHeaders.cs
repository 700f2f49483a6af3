namespace CampaignManager.Hosting;

/// <summary>
/// Headers every response carries, error pages included (they are added as the response starts, after the exception
/// handler has cleared what was there).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// The app's pages load their scripts and stylesheets from its own files only: no inline script, style element or
    /// style attribute, so anything injected into a page does nothing. Nothing may frame the pages (clickjacking on the
    /// staff buttons), and forms post only to the app.
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Scalar's API reference (/docs) is a third-party page built with inline script and styles; it gets its own,
    /// looser policy rather than weakening the app's (its bundled script also compiles code with eval, for its request
    /// client). It shows only the OpenAPI document, no letter or signer data, and still loads nothing from another host.
    /// </summary>
    public const string DocsPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; " +
        "form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/docs") ? DocsPolicy : Policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            // the public sign-on link is its own credential: it must not leave in a Referer when a signer follows a link
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Host names the app answers to (ASP.NET Core's host filtering, <c>AllowedHosts</c>). Unset, it answers only to
    /// this machine's loopback names, which README's run command and the tests use; a deployment names its host.
    /// </summary>
    public static void DefaultAllowedHosts(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"]))
            builder.Configuration["AllowedHosts"] = "localhost;127.0.0.1;[::1]";
    }
}
