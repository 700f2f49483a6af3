using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace CampaignManager.Staff;

/// <summary>
/// Runs <see cref="StaffBootstrap"/> as the app starts, and prints the first admin's sign-in link once the server
/// listens, with the address it listens on, so README's run command takes a new user to signed-in in one click.
/// </summary>
public sealed class BootstrapOnStart(StaffBootstrap bootstrap, IServer server, IHostApplicationLifetime lifetime, bool embedded)
    : IHostedService
{
    public async Task StartAsync(CancellationToken token)
    {
        if (await bootstrap.ApplyBootstrapTokenAsync(token) || !embedded) return;
        if (await bootstrap.IssueFirstSignInAsync(token) is not { } code) return;
        lifetime.ApplicationStarted.Register(() =>
        {
            var link = $"{BaseAddress()}{IssueSignInLinkEndpoint.PathPrefix}{code}";
            Console.WriteLine();
            Console.WriteLine("No staff member can sign in yet. Open this link to sign in as the first admin, then choose a password");
            Console.WriteLine($"(it works once, for {IssueSignInLinkEndpoint.Lifetime.TotalMinutes:0} minutes; restart the app for a new one):");
            Console.WriteLine($"    {link}");
            Console.WriteLine();
        });
    }

    public Task StopAsync(CancellationToken token) => Task.CompletedTask;

    private string BaseAddress()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5000";
        // a wildcard listen address is not somewhere a browser can go
        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
            address = address.Replace(wildcard, "://localhost:");
        return address.TrimEnd('/');
    }
}
