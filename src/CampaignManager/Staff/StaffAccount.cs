namespace CampaignManager.Staff;

/// <summary>
/// The account stream folded up; an inline snapshot, so sign-in and every cookie check read one document that
/// never lags behind a role change or a disablement.
/// </summary>
public class StaffAccount
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Login { get; set; } = "";
    public StaffRole Role { get; set; }
    public string? PasswordHash { get; set; }
    public bool Disabled { get; set; }
    public string? SignInCodeHash { get; set; }
    public DateTimeOffset? SignInCodeExpiresAt { get; set; }

    public static StaffAccount Create(StaffAccountCreated e) => new() { Id = e.AccountId, Login = e.Login, Role = e.Role };

    public void Apply(StaffPasswordSet e) => PasswordHash = e.PasswordHash;
    public void Apply(StaffRoleChanged e) => Role = e.Role;
    public void Apply(StaffAccountDisabled e) => Disabled = true;

    public void Apply(OneTimeSignInIssued e) => (SignInCodeHash, SignInCodeExpiresAt) = (e.CodeHash, e.ExpiresAt);
    public void Apply(OneTimeSignInUsed e) => (SignInCodeHash, SignInCodeExpiresAt) = (null, null);
}

/// <summary>An API token's stream folded up (inline), looked up by its hash on every bearer request.</summary>
public class ApiToken
{
    public Guid Id { get; set; }
    public Guid AccountId { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    public static ApiToken Create(ApiTokenIssued e) => new()
    {
        Id = e.TokenId, AccountId = e.AccountId, Name = e.Name, TokenHash = e.TokenHash, ExpiresAt = e.ExpiresAt,
        IssuedAt = e.At, IssuedBy = e.By
    };

    public void Apply(ApiTokenRevoked e) => RevokedAt = e.At;

    public bool IsValidAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
