using Microsoft.AspNetCore.Identity;

namespace CampaignManager.Staff;

public record SetStaffPassword(string Password);

public static class SetStaffPasswordEndpoint
{
    public static ProblemDetails Validate(SetStaffPassword command) =>
        Problems.Validation(CreateStaffAccountEndpoint.ValidatePassword(new FieldErrors(), "password", command.Password));

    public static StaffPasswordSet Decide(StaffAccount account, string passwordHash, string by, DateTimeOffset at) =>
        new(account.Id, passwordHash, by, at);

    [WolverinePost("/api/staff/accounts/{id}/password", Name = "SetStaffPassword")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Set a staff member's password (admin)")]
    [Tags("Staff")]
    public static (StaffAccountChanged, Events) Post(SetStaffPassword command, [WriteAggregate] StaffAccount account,
        HttpContext context, TimeProvider clock, IPasswordHasher<StaffAccount> hasher) =>
        StaffAccountChanged.After(account,
            Decide(account, hasher.HashPassword(account, command.Password), context.User.ActorName(), clock.GetUtcNow()));
}
