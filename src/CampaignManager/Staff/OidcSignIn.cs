namespace CampaignManager.Staff;

/// <summary>
/// Sign-in through the organization's identity provider, on when <c>Auth:Oidc:Authority</c> is configured. The provider
/// vouches for who someone is; what they may do comes from <c>Auth:Oidc:Roles</c>, which maps values of the
/// <c>Auth:Oidc:RoleClaim</c> claim (default <c>roles</c>) to viewer, editor or admin. Someone with no mapped value
/// signs in but may do nothing. The result is the same staff cookie a local sign-in gives.
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["Auth:Oidc:Authority"]);

    public static void AddOidcSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return;
        var section = configuration.GetSection("Auth:Oidc");
        var roleClaim = section["RoleClaim"] ?? "roles";
        var nameClaim = section["NameClaim"] ?? "preferred_username";
        var roles = section.GetSection("Roles").GetChildren()
            .Select(c => (c.Key, Role: StaffRoles.Parse(c.Value)))
            .Where(x => x.Role is not null)
            .ToDictionary(x => x.Key, x => x.Role!.Value, StringComparer.Ordinal);

        authentication.AddOpenIdConnect(Scheme, section["DisplayName"] ?? "your organization's account", o =>
        {
            o.Authority = section["Authority"];
            o.ClientId = section["ClientId"];
            o.ClientSecret = section["ClientSecret"];
            o.ResponseType = "code";
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.Scope.Add("email");
            o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            o.Events.OnTokenValidated = context =>
            {
                context.Principal = MapPrincipal(context.Principal!, nameClaim, roleClaim, roles);
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>Rebuilt as a staff principal: the provider's user name becomes <c>By</c> on every event they cause.</summary>
    public static ClaimsPrincipal MapPrincipal(ClaimsPrincipal external, string nameClaim, string roleClaim,
        IReadOnlyDictionary<string, StaffRole> roles)
    {
        var name = external.FindFirstValue(nameClaim) ?? external.FindFirstValue("email") ?? external.FindFirstValue("sub") ?? "unknown";
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(external.FindAll(roleClaim)
            .Select(c => roles.TryGetValue(c.Value, out var role) ? role.ClaimValue() : null)
            .OfType<string>().Distinct()
            .Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
