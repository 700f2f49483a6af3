namespace CampaignManager.Staff;

/// <summary>A bearer token for a script or an integration, acting as the account it is issued to.</summary>
public record IssueApiToken(string Name, DateTimeOffset? ExpiresAt);

/// <summary>The only time the token is ever shown: only its hash is stored.</summary>
public record NewApiTokenResponse(Guid Id, string Token, DateTimeOffset? ExpiresAt)
    : CreationResponse<Guid>($"/api/staff/tokens/{Id}", Id);

public static class IssueApiTokenEndpoint
{
    public static ProblemDetails Validate(IssueApiToken command, StaffAccount account, TimeProvider clock) => Problems.Validation(new FieldErrors()
        .Required("name", command.Name, 200)
        .When(command.ExpiresAt is { } expires && expires <= clock.GetUtcNow(), "expiresAt", "must be in the future")
        .When(account.Disabled, "accountId", "is disabled"));

    public static ApiTokenIssued Decide(Guid tokenId, StaffAccount account, IssueApiToken command, string tokenHash, string by, DateTimeOffset at) =>
        new(tokenId, account.Id, command.Name.Trim(), tokenHash, command.ExpiresAt, by, at);

    [WolverinePost("/api/staff/accounts/{id}/tokens", Name = "IssueApiToken")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Issue an API token for a staff account; the answer is the only time it is shown (admin)")]
    [Tags("Staff")]
    public static (NewApiTokenResponse, IStartStream) Post(IssueApiToken command, [ReadAggregate] StaffAccount account,
        HttpContext context, TimeProvider clock)
    {
        var token = Secrets.NewToken();
        var issued = Decide(Guid.CreateVersion7(), account, command, Secrets.Hash(token), context.User.ActorName(), clock.GetUtcNow());
        return (new NewApiTokenResponse(issued.TokenId, token, issued.ExpiresAt), MartenOps.StartStream<ApiToken>(issued.TokenId, issued));
    }
}
