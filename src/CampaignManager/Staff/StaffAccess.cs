namespace CampaignManager.Staff;

/// <summary>
/// The authorization convention, so no endpoint or page needs annotating by hand: the fallback policy (every endpoint
/// without its own metadata, Wolverine's, Razor Pages, OpenAPI and the docs) admits any staff role to reads
/// (GET, HEAD, OPTIONS) and only editors and admins to anything else. Staff management carries
/// <c>[Authorize(Policy = StaffAccess.Admin)]</c>; the public page, sign-in and the health probes (Hosting/Health.cs) are
/// mapped as anonymous.
/// </summary>
public static class StaffAccess
{
    public const string ByMethod = "staff";
    public const string SignedIn = "staff:signed-in";
    public const string Admin = "staff:admin";

    public static void AddPolicies(AuthorizationOptions options)
    {
        var byMethod = new AuthorizationPolicyBuilder().AddRequirements(new StaffByMethodRequirement()).Build();
        options.AddPolicy(ByMethod, byMethod);
        options.DefaultPolicy = byMethod;
        options.FallbackPolicy = byMethod;
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Anyone));
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(StaffRole.Admin.ClaimValue()));
    }

    public static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}

public sealed class StaffByMethodRequirement : IAuthorizationRequirement;

/// <summary>Decides per request, because one route (/api/letters) is both a read (GET) and a write (POST).</summary>
public sealed class StaffByMethodHandler : AuthorizationHandler<StaffByMethodRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffByMethodRequirement requirement)
    {
        var http = context.Resource as HttpContext;
        if (context.User.Identity?.IsAuthenticated != true) return Task.CompletedTask;
        var read = http is not null && StaffAccess.IsRead(http.Request.Method);
        var roles = read ? StaffRoles.Anyone : StaffRoles.Writers;
        if (roles.Any(context.User.IsInRole)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
