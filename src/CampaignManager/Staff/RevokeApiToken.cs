namespace CampaignManager.Staff;

public record RevokeApiToken;

public record ApiTokenChanged(Guid Id, DateTimeOffset? RevokedAt);

public static class RevokeApiTokenEndpoint
{
    /// <summary>Revoking twice changes nothing; the first revocation's time stands.</summary>
    public static ApiTokenRevoked? Decide(ApiToken token, string by, DateTimeOffset at) =>
        token.RevokedAt is null ? new ApiTokenRevoked(token.Id, by, at) : null;

    [WolverinePost("/api/staff/tokens/{id}/revoke", Name = "RevokeApiToken")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Revoke an API token: it is refused from the next request on (admin)")]
    [Tags("Staff")]
    public static (ApiTokenChanged, Events) Post(RevokeApiToken command, [WriteAggregate] ApiToken token, HttpContext context, TimeProvider clock)
    {
        var revoked = Decide(token, context.User.ActorName(), clock.GetUtcNow());
        var events = new Events();
        if (revoked is not null) events.Add(revoked);
        return (new ApiTokenChanged(token.Id, token.RevokedAt ?? revoked?.At), events);
    }
}
