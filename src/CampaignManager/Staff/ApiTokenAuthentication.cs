using System.Text.Encodings.Web;

namespace CampaignManager.Staff;

/// <summary>
/// <c>Authorization: Bearer &lt;token&gt;</c> for scripts and integrations, or the same token as <c>OSDI-API-Token</c>,
/// the header OSDI clients send. The token is hashed before it is looked up and is never written to a log or a failure
/// message: only the token's id appears anywhere.
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger,
    UrlEncoder encoder, IQuerySession session, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public new const string Scheme = "ApiToken";
    public const string TokenIdClaim = "cm:token";

    public const string OsdiHeader = "OSDI-API-Token";

    /// <summary>The token the request carries, or null when it carries none (then the sign-in cookie decides).</summary>
    public static string? Presented(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        return request.Headers.TryGetValue(OsdiHeader, out var osdi) ? osdi.ToString().Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } secret) return AuthenticateResult.NoResult();
        if (secret.Length is 0 or > 200) return AuthenticateResult.Fail("The bearer token is malformed.");

        // the token and its account in one round trip: this runs before every API request
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var found = await session.QueryAsync<TokenHolder>(
            "select jsonb_build_object('token', t.data, 'account', a.data) " +
            $"from {schema}.mt_doc_apitoken t left join {schema}.mt_doc_staffaccount a on a.id = (t.data ->> 'accountId')::uuid " +
            "where t.data ->> 'tokenHash' = ? limit 1", Context.RequestAborted, Secrets.Hash(secret));
        if (found.Count == 0) return AuthenticateResult.Fail("Unknown API token.");
        var (token, account) = found[0];
        if (!token.IsValidAt(clock.GetUtcNow())) return AuthenticateResult.Fail($"API token {token.Id} is revoked or expired.");
        if (account is null || account.Disabled) return AuthenticateResult.Fail($"API token {token.Id} belongs to a disabled account.");

        var identity = StaffPrincipal.Identity(account, Scheme);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme));
    }

    private sealed record TokenHolder(ApiToken Token, StaffAccount? Account);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        await StaffProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "Sign-in required",
            "The API token is missing, unknown, revoked or expired.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        StaffProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "Not allowed",
            "Your role does not allow this.");
}

/// <summary>The claims every staff sign-in produces, so <c>By</c> and roles read the same for cookies and tokens.</summary>
public static class StaffPrincipal
{
    public const string AccountIdClaim = "cm:account";

    public static ClaimsIdentity Identity(StaffAccount account, string authenticationType) => new(
    [
        new Claim(ClaimTypes.Name, account.Login),
        new Claim(ClaimTypes.Role, account.Role.ClaimValue()),
        new Claim(AccountIdClaim, account.Id.ToString())
    ], authenticationType, ClaimTypes.Name, ClaimTypes.Role);
}

public static class StaffProblems
{
    public static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail }
        });
    }
}
