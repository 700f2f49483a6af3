using Microsoft.AspNetCore.Identity;

namespace CampaignManager.Staff;

/// <summary>A new staff account; without a password the admin then issues a one-time sign-in link.</summary>
public record CreateStaffAccount(string Login, StaffRole? Role, string? Password);

public record NewStaffAccountResponse(Guid Id) : CreationResponse<Guid>($"/api/staff/accounts/{Id}", Id);

public static class CreateStaffAccountEndpoint
{
    public const int MinimumPasswordLength = 12;

    public static async Task<ProblemDetails> ValidateAsync(CreateStaffAccount command, IQuerySession session)
    {
        var errors = ValidateLogin(new FieldErrors(), command.Login)
            .When(command.Role is null, "role", "is required: viewer, editor or admin");
        if (command.Password is not null) ValidatePassword(errors, "password", command.Password);
        if (errors.Count > 0) return Problems.Validation(errors);
        var login = command.Login.Trim();
        // the unique index on Login is the guard against a race; this answers the ordinary case with a clear 409
        return await session.Query<StaffAccount>().AnyAsync(a => a.Login == login)
            ? Problems.Conflict($"There is already a staff account '{login}'.")
            : WolverineContinue.NoProblems;
    }

    public static FieldErrors ValidateLogin(FieldErrors errors, string? login) => errors
        .Required("login", login, 100)
        .When(login is not null && login.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) && c != ' '), "login", "must not contain control characters");

    public static FieldErrors ValidatePassword(FieldErrors errors, string field, string? password) => errors
        .Required(field, password, 200)
        .When(password is not null && password.Length < MinimumPasswordLength, field, $"must be at least {MinimumPasswordLength} characters");

    /// <summary>The password arrives already hashed: the hasher salts at random, and a decision stays deterministic.</summary>
    public static IReadOnlyList<object> Decide(Guid accountId, CreateStaffAccount command, string? passwordHash, string by, DateTimeOffset at)
    {
        var events = new List<object> { new StaffAccountCreated(accountId, command.Login.Trim(), command.Role!.Value, by, at) };
        if (passwordHash is not null) events.Add(new StaffPasswordSet(accountId, passwordHash, by, at));
        return events;
    }

    [WolverinePost("/api/staff/accounts", Name = "CreateStaffAccount")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Create a staff account (admin)")]
    [Tags("Staff")]
    public static (NewStaffAccountResponse, IStartStream) Post(CreateStaffAccount command, HttpContext context, TimeProvider clock,
        IPasswordHasher<StaffAccount> hasher)
    {
        var id = Guid.CreateVersion7();
        var hash = command.Password is null ? null : hasher.HashPassword(new StaffAccount { Id = id }, command.Password);
        var events = Decide(id, command, hash, context.User.ActorName(), clock.GetUtcNow());
        return (new NewStaffAccountResponse(id), MartenOps.StartStream<StaffAccount>(id, events.ToArray()));
    }
}
