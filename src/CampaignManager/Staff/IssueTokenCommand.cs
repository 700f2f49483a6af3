using JasperFx.CommandLine;

namespace CampaignManager.Staff;

public class IssueTokenInput : NetCoreInput
{
    [Description("The staff account's login (default: admin, the first admin)")]
    public string LoginFlag { get; set; } = StaffBootstrap.FirstAdminLogin;

    [Description("What the token is for, as the token list shows it")]
    public string NameFlag { get; set; } = "command line";
}

/// <summary>
/// For whoever runs the app's own database: a new API token for an existing account, printed once. This is how a
/// person who already signed in through the browser gets a token for README's curl walk-throughs, and how an
/// operator gets back in when no admin can sign in any more. Whoever can run this can read the database anyway.
/// </summary>
[Description("Issue an API token for a staff account and print it once (stored hashed)", Name = "issue-token")]
public class IssueTokenCommand : JasperFxAsyncCommand<IssueTokenInput>
{
    public override async Task<bool> Execute(IssueTokenInput input)
    {
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        await using var session = store.LightweightSession();
        var account = await session.Query<StaffAccount>().FirstOrDefaultAsync(a => a.Login == input.LoginFlag);
        if (account is null || account.Disabled)
        {
            Console.Error.WriteLine($"There is no active staff account '{input.LoginFlag}'. Start the app once to create the first admin.");
            return false;
        }
        var token = Secrets.NewToken();
        var issued = IssueApiTokenEndpoint.Decide(Guid.CreateVersion7(), account, new IssueApiToken(input.NameFlag, null),
            Secrets.Hash(token), $"{account.Login} (issue-token command)", clock.GetUtcNow());
        session.Events.StartStream<ApiToken>(issued.TokenId, issued);
        await session.SaveChangesAsync();
        Console.WriteLine(token);
        return true;
    }
}
