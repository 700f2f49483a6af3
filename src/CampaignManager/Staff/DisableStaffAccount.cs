namespace CampaignManager.Staff;

public record DisableStaffAccount;

public static class DisableStaffAccountEndpoint
{
    public static ProblemDetails Validate(StaffAccount account, HttpContext context) =>
        StaffAccountChanged.NotYourself(account, context, "disable");

    public static StaffAccountDisabled? Decide(StaffAccount account, string by, DateTimeOffset at) =>
        account.Disabled ? null : new StaffAccountDisabled(account.Id, by, at);

    /// <summary>Its cookies are refused on their next request and its API tokens at once (both check the account).</summary>
    [WolverinePost("/api/staff/accounts/{id}/disable", Name = "DisableStaffAccount")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Disable a staff account: its sign-ins and API tokens stop working at once (admin)")]
    [Tags("Staff")]
    public static (StaffAccountChanged, Events) Post(DisableStaffAccount command, [WriteAggregate] StaffAccount account,
        HttpContext context, TimeProvider clock) =>
        StaffAccountChanged.After(account, Decide(account, context.User.ActorName(), clock.GetUtcNow()));
}
