using System.Security.Claims;
using System.Text.Encodings.Web;
using CampaignManager.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// Integration tests act as a signed-in editor, <see cref="DefaultUser"/>, unless they say otherwise: X-Test-User names
/// someone else, X-Test-Role gives another role (viewer, editor, admin), and X-Test-User: anonymous sends the request
/// with no credentials at all. A request that carries a real bearer token or the staff cookie goes to the production
/// schemes untouched (so does OSDI's token header), so the sign-in tests exercise exactly what production runs.
/// </summary>
public class TestStaffAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "test-staff";
    public const string Header = "X-Test-User";
    public const string RoleHeader = "X-Test-Role";
    public const string Anonymous = "anonymous";
    public const string DefaultUser = "test.editor";

    /// <summary>Used in place of the production selector of the "staff" policy scheme.</summary>
    public static string? SelectScheme(HttpContext context, Func<HttpContext, string?> production)
    {
        var request = context.Request;
        var real = request.Headers.Authorization.Count > 0 || request.Headers.ContainsKey(ApiTokenAuthentication.OsdiHeader)
                   || request.Cookies.ContainsKey(StaffAuthentication.CookieName)
                   || string.Equals(request.Headers[Header], Anonymous, StringComparison.OrdinalIgnoreCase);
        return real ? production(context) : Scheme;
    }

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = Request.Headers[Header].ToString() is { Length: > 0 } given ? given : DefaultUser;
        var role = Request.Headers[RoleHeader].ToString() is { Length: > 0 } r ? r : StaffRole.Editor.ClaimValue();
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role)],
            Scheme, ClaimTypes.Name, ClaimTypes.Role);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme)));
    }
}
