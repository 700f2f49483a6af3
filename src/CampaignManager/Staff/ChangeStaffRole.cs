namespace CampaignManager.Staff;

public record ChangeStaffRole(StaffRole? Role);

public record StaffAccountChanged(Guid Id, int Version)
{
    /// <summary>The answer and the events to append: none when the command changes nothing.</summary>
    public static (StaffAccountChanged, Events) After(StaffAccount account, object? change)
    {
        var events = new Events();
        if (change is not null) events.Add(change);
        return (new StaffAccountChanged(account.Id, account.Version + events.Count), events);
    }

    /// <summary>An admin cannot demote or disable themselves, so one slip never leaves nobody able to manage accounts.</summary>
    public static ProblemDetails NotYourself(StaffAccount account, HttpContext context, string what) =>
        account.Login == context.User.ActorName()
            ? Problems.Conflict($"You cannot {what} your own account; ask another admin.")
            : WolverineContinue.NoProblems;
}

public static class ChangeStaffRoleEndpoint
{
    public static ProblemDetails Validate(ChangeStaffRole command, StaffAccount account, HttpContext context) =>
        command.Role is null
            ? Problems.Validation(new FieldErrors().Add("role", "is required: viewer, editor or admin"))
            : StaffAccountChanged.NotYourself(account, context, "change the role of");

    public static StaffRoleChanged? Decide(StaffAccount account, StaffRole role, string by, DateTimeOffset at) =>
        account.Role == role ? null : new StaffRoleChanged(account.Id, role, by, at);

    [WolverinePost("/api/staff/accounts/{id}/role", Name = "ChangeStaffRole")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Change a staff member's role (admin)")]
    [Tags("Staff")]
    public static (StaffAccountChanged, Events) Post(ChangeStaffRole command, [WriteAggregate] StaffAccount account,
        HttpContext context, TimeProvider clock) =>
        StaffAccountChanged.After(account, Decide(account, command.Role!.Value, context.User.ActorName(), clock.GetUtcNow()));
}
