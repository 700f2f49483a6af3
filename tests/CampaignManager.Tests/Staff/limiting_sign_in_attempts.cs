using CampaignManager.Tests.Appeals;
using Microsoft.AspNetCore.Hosting;

namespace CampaignManager.Tests.Staff;

/// <summary>Three sign-in attempts per address in a short real window (the limiter takes no TimeProvider).</summary>
public class SignInLimitedAppFixture : AppFixture
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SignInRateLimit:PermitLimit", "3");
        builder.UseSetting("Auth:SignInRateLimit:Window", Window.ToString());
    }
}

[CollectionDefinition(Name)]
public class SignInLimitedCollection : ICollectionFixture<SignInLimitedAppFixture>
{
    public const string Name = "sign-in-limited";
}

[Collection(SignInLimitedCollection.Name)]
public class limiting_sign_in_attempts(SignInLimitedAppFixture fixture) : IntegrationContext(fixture)
{
    private const string Password = "correct horse battery staple";
    private static readonly IPAddress Guesser = IPAddress.Parse("198.51.100.23");
    private static readonly IPAddress Colleague = IPAddress.Parse("198.51.100.24");

    [Fact]
    public async Task an_address_that_keeps_guessing_is_held_back_with_429_while_others_sign_in_and_it_recovers_after_the_window()
    {
        await Host.CreateAccountAsync("rosa.editor", "editor", Password);
        for (var guess = 1; guess <= 3; guess++)
            (await Host.SignInAsync("rosa.editor", $"guess number {guess}", Guesser)).Status.ShouldBe(401);

        var (held, jar) = await Host.SignInAsync("rosa.editor", Password, Guesser);

        held.ShouldBe(429, "even the right password waits: the limit is on attempts, not on failures");
        jar.Has(CampaignManager.Staff.StaffAuthentication.CookieName).ShouldBeFalse();
        (await Host.SignInAsync("rosa.editor", Password, Colleague)).Status.ShouldBe(302, "another address is not held back");

        // the window is real time: try again until the limiter lets the address through (a refused attempt uses no
        // permit), and that attempt signs in
        var recovered = await Eventually.UntilAsync(async () => (await Host.SignInAsync("rosa.editor", Password, Guesser)).Status,
            status => status != 429, SignInLimitedAppFixture.Window * 3, "the guesser's window to pass", TimeSpan.FromMilliseconds(500));
        recovered.ShouldBe(302);
    }
}
