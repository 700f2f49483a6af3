using System.Security.Claims;

namespace CampaignManager.Hosting;

public static class Actor
{
    /// <summary>Who is acting: until staff accounts exist, the authenticated principal's name, else "anonymous".</summary>
    public static string ActorName(this ClaimsPrincipal? user) =>
        user?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";
}
