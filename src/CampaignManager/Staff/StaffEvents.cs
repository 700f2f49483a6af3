namespace CampaignManager.Staff;

/// <summary>A staff member's account stream. Login is the name every event they cause records as its <c>By</c>.</summary>
public record StaffAccountCreated(Guid AccountId, string Login, StaffRole Role, string By, DateTimeOffset At);

/// <summary>Carries ASP.NET Core's PasswordHasher output (salted PBKDF2), never the password.</summary>
public record StaffPasswordSet(Guid AccountId, string PasswordHash, string By, DateTimeOffset At);

public record StaffRoleChanged(Guid AccountId, StaffRole Role, string By, DateTimeOffset At);

public record StaffAccountDisabled(Guid AccountId, string By, DateTimeOffset At);

/// <summary>A sign-in link was issued; only the SHA-256 of its secret part is kept.</summary>
public record OneTimeSignInIssued(Guid AccountId, string CodeHash, DateTimeOffset ExpiresAt, string By, DateTimeOffset At);

public record OneTimeSignInUsed(Guid AccountId, string By, DateTimeOffset At);

/// <summary>An API token stream; only the SHA-256 of the token is kept, so the token itself is shown exactly once.</summary>
public record ApiTokenIssued(Guid TokenId, Guid AccountId, string Name, string TokenHash, DateTimeOffset? ExpiresAt,
    string By, DateTimeOffset At);

public record ApiTokenRevoked(Guid TokenId, string By, DateTimeOffset At);
