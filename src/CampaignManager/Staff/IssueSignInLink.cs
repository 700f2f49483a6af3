namespace CampaignManager.Staff;

public record IssueSignInLink;

public record NewSignInLinkResponse(string Url, DateTimeOffset ExpiresAt);

/// <summary>
/// A link that signs its holder in once, within <see cref="Lifetime"/>, and then asks for a password: how a new
/// staff member (or the first admin, on the console) gets in without anyone choosing a password for them.
/// </summary>
public static class IssueSignInLinkEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    public const string PathPrefix = "/signin/once/";

    public static OneTimeSignInIssued Decide(StaffAccount account, string codeHash, string by, DateTimeOffset at) =>
        new(account.Id, codeHash, at + Lifetime, by, at);

    [WolverinePost("/api/staff/accounts/{id}/sign-in-link", Name = "IssueSignInLink")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Issue a one-time sign-in link for a staff account; a newer link replaces an older one (admin)")]
    [Tags("Staff")]
    public static (NewSignInLinkResponse, Events) Post(IssueSignInLink command, [WriteAggregate] StaffAccount account,
        HttpContext context, TimeProvider clock)
    {
        var code = Secrets.NewToken();
        var issued = Decide(account, Secrets.Hash(code), context.User.ActorName(), clock.GetUtcNow());
        var url = $"{context.Request.Scheme}://{context.Request.Host}{PathPrefix}{code}";
        return (new NewSignInLinkResponse(url, issued.ExpiresAt), [issued]);
    }
}
