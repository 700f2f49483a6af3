namespace CampaignManager.Staff;

/// <summary>
/// How the first admin gets in, when no account exists yet:
/// - <c>Auth:BootstrapToken</c> (environment <c>Auth__BootstrapToken</c>) makes an admin whose API token is that value,
///   stored hashed; for scripts, CI and deployments. Once any account exists it is ignored.
/// - Otherwise, on the embedded default database (a person running the app on their machine), an admin and a
///   one-time sign-in link, printed to the console, until someone has set a password.
/// The first admin's stream id is fixed, so two nodes starting at once cannot both create one.
/// </summary>
public sealed class StaffBootstrap(IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<StaffBootstrap> logger)
{
    public static readonly Guid FirstAdminId = new("0000000a-d000-4000-8000-000000000001");
    public const string FirstAdminLogin = "admin";
    private const string By = "system";

    /// <summary>Gives the first admin the configured bootstrap token if no account exists (or is used) yet; true if it did.</summary>
    public async Task<bool> ApplyBootstrapTokenAsync(CancellationToken token = default)
    {
        var secret = configuration["Auth:BootstrapToken"];
        if (string.IsNullOrWhiteSpace(secret)) return false;
        await using var session = store.LightweightSession();
        // "no account yet" includes the first admin an earlier start made for its console link, as long as nobody has
        // used it: someone who started the app once and then follows README's curl walk-through is not locked out
        var accounts = await session.Query<StaffAccount>().ToListAsync(token);
        if (accounts.Any(a => a.Id != FirstAdminId || a.PasswordHash is not null) || await session.Query<ApiToken>().AnyAsync(token))
            return false;
        var now = clock.GetUtcNow();
        if (accounts.Count == 0)
            session.Events.StartStream<StaffAccount>(FirstAdminId, new StaffAccountCreated(FirstAdminId, FirstAdminLogin, StaffRole.Admin, By, now));
        var tokenId = Guid.CreateVersion7();
        session.Events.StartStream<ApiToken>(tokenId,
            new ApiTokenIssued(tokenId, FirstAdminId, "bootstrap (Auth:BootstrapToken)", Secrets.Hash(secret.Trim()), null, By, now));
        if (!await SaveUnlessRacedAsync(session, token)) return false;
        logger.LogInformation("Created the first admin account '{Login}' with the configured bootstrap API token", FirstAdminLogin);
        return true;
    }

    /// <summary>
    /// While no account has a password or an API token, (re)issues a sign-in link for the first admin, creating it if
    /// needed, and returns the link's secret part; null when someone can already sign in.
    /// </summary>
    public async Task<string?> IssueFirstSignInAsync(CancellationToken token = default)
    {
        await using var session = store.LightweightSession();
        if (await session.Query<StaffAccount>().AnyAsync(a => a.PasswordHash != null, token)) return null;
        if (await session.Query<ApiToken>().AnyAsync(token)) return null;
        var now = clock.GetUtcNow();
        var admin = await session.LoadAsync<StaffAccount>(FirstAdminId, token);
        if (admin is null)
            session.Events.StartStream<StaffAccount>(FirstAdminId, new StaffAccountCreated(FirstAdminId, FirstAdminLogin, StaffRole.Admin, By, now));
        var code = Secrets.NewToken();
        session.Events.Append(FirstAdminId, IssueSignInLinkEndpoint.Decide(new StaffAccount { Id = FirstAdminId }, Secrets.Hash(code), By, now));
        return await SaveUnlessRacedAsync(session, token) ? code : null;
    }

    private static async Task<bool> SaveUnlessRacedAsync(IDocumentSession session, CancellationToken token)
    {
        try
        {
            await session.SaveChangesAsync(token);
            return true;
        }
        catch (Exception e) when (ProblemDetailsExceptionHandler.Classify(e).Status == StatusCodes.Status409Conflict)
        {
            // another node made the first admin at the same moment
            return false;
        }
    }
}
