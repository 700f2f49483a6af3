namespace CampaignManager.Staff;

/// <summary>
/// One default scheme, "staff", that forwards to the API-token handler when the request carries
/// <c>Authorization: Bearer</c> (or OSDI's <c>OSDI-API-Token</c>) and to the sign-in cookie otherwise. API calls without credentials get a 401
/// ProblemDetails; pages redirect to <c>/signin</c>.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = "staff";
    public const string CookieName = ".CampaignManager.Staff";

    public static AuthenticationBuilder AddStaffAuthentication(this IServiceCollection services)
    {
        return services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Staff", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.Scheme, _ => { })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.LogoutPath = "/signout";
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = RedirectToLogin;
                o.Events.OnRedirectToAccessDenied = AccessDenied;
                o.Events.OnValidatePrincipal = RevalidateAsync;
            });
    }

    public static string SelectScheme(HttpContext context) =>
        ApiTokenAuthentication.Presented(context.Request) is not null
            ? ApiTokenAuthentication.Scheme
            : CookieAuthenticationDefaults.AuthenticationScheme;

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (IsApi(context.Request))
            return StaffProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, "Sign-in required",
                "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static Task AccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        StaffProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, "Not allowed", "Your role does not allow this.");

    /// <summary>
    /// A cookie lives for hours; checking the account on each request means disabling someone or changing their role
    /// takes effect at once instead of when the cookie expires. Identity-provider sign-ins have no local account.
    /// </summary>
    private static async Task RevalidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(StaffPrincipal.AccountIdClaim);
        if (id is null) return;
        var session = context.HttpContext.RequestServices.GetRequiredService<IQuerySession>();
        var account = Guid.TryParse(id, out var accountId) ? await session.LoadAsync<StaffAccount>(accountId) : null;
        if (account is null || account.Disabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (!context.Principal!.IsInRole(account.Role.ClaimValue()) || context.Principal.Identity?.Name != account.Login)
        {
            context.ReplacePrincipal(new ClaimsPrincipal(StaffPrincipal.Identity(account, CookieAuthenticationDefaults.AuthenticationScheme)));
            context.ShouldRenew = true;
        }
    }
}
