using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;

namespace CampaignManager.Staff;

/// <summary>
/// Local sign-in with a password checked by ASP.NET Core's hasher. Every refusal reads the same, so the page does
/// not tell an outsider which user names exist or which accounts are disabled.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInLimits.Policy)]
public class SignInModel(IQuerySession session, IPasswordHasher<StaffAccount> hasher, IConfiguration configuration) : PageModel
{
    public const string Refused = "That user name and password do not match an active account.";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? Login { get; set; }
    [BindProperty] public string? Password { get; set; }
    public string? Error { get; private set; }
    public bool OidcConfigured => OidcSignIn.IsConfigured(configuration);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var login = Login?.Trim();
        var account = string.IsNullOrEmpty(login) ? null
            : await session.Query<StaffAccount>().FirstOrDefaultAsync(a => a.Login == login, HttpContext.RequestAborted);
        var verified = account is { Disabled: false, PasswordHash: { } hash } && !string.IsNullOrEmpty(Password)
                       && hasher.VerifyHashedPassword(account, hash, Password) != PasswordVerificationResult.Failed;
        if (!verified)
        {
            Error = Refused;
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await SignInAsync(HttpContext, account!);
        return LocalRedirect(SafeReturnUrl(ReturnUrl));
    }

    /// <summary>Hands over to the identity provider, which comes back to the same staff cookie.</summary>
    public IActionResult OnPostExternal() => OidcConfigured
        ? Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl(ReturnUrl) }, OidcSignIn.Scheme)
        : NotFound();

    public static Task SignInAsync(HttpContext context, StaffAccount account) =>
        context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            new ClaimsPrincipal(StaffPrincipal.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme)));

    /// <summary>Only a path on this site: a crafted link must not send someone elsewhere after they sign in.</summary>
    public static string SafeReturnUrl(string? url) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/";
}
