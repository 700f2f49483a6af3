namespace CampaignManager.Hosting;

public static class Actor
{
    /// <summary>
    /// Who is acting, as every event's <c>By</c> records it: the signed-in staff account's login (cookie, API token or
    /// the identity provider's user name), or "anonymous" for the public sign-on page.
    /// </summary>
    public static string ActorName(this ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";
}
