namespace CampaignManager.Staff;

public record ApiTokenView(Guid Id, string Name, DateTimeOffset IssuedAt, string IssuedBy, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public record StaffAccountView(Guid Id, string Login, StaffRole Role, bool Disabled, bool HasPassword, IReadOnlyList<ApiTokenView> Tokens);

public record Me(string Name, IReadOnlyList<string> Roles);

/// <summary>Reads for account management. No hash of a password, token or link ever leaves the server.</summary>
public static class StaffQueries
{
    [WolverineGet("/api/staff/accounts", Name = "ListStaffAccounts")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Staff accounts with their API tokens (admin)")]
    [Tags("Staff")]
    public static async Task<IReadOnlyList<StaffAccountView>> Get(IQuerySession session, CancellationToken token)
    {
        var accounts = await session.Query<StaffAccount>().OrderBy(a => a.Login).ToListAsync(token);
        var tokens = (await session.Query<ApiToken>().ToListAsync(token)).ToLookup(t => t.AccountId);
        return accounts.Select(a => new StaffAccountView(a.Id, a.Login, a.Role, a.Disabled, a.PasswordHash is not null,
            tokens[a.Id].OrderBy(t => t.IssuedAt)
                .Select(t => new ApiTokenView(t.Id, t.Name, t.IssuedAt, t.IssuedBy, t.ExpiresAt, t.RevokedAt)).ToList())).ToList();
    }

    [WolverineGet("/api/staff/me", Name = "WhoAmI")]
    [EndpointSummary("Who the caller is signed in as, and with which roles")]
    [Tags("Staff")]
    public static Me GetMe(HttpContext context) => new(context.User.Identity?.Name ?? "",
        StaffRoles.Anyone.Where(context.User.IsInRole).ToList());
}
