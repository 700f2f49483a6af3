using CampaignManager.Tests.Appeals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// The app with a rate limit a test can exhaust and outlast: two submits per client and letter in a five-second window.
/// The limiter runs on real time (System.Threading.RateLimiting takes no TimeProvider), so the window is short, yet long
/// enough that three submits on a busy machine still fall inside it.
/// </summary>
public class RateLimitedAppFixture : AppFixture
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(5);

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("PublicSignOn:RateLimit:PermitLimit", "2");
        builder.UseSetting("PublicSignOn:RateLimit:Window", Window.ToString());
    }
}

[CollectionDefinition(Name)]
public class RateLimitedCollection : ICollectionFixture<RateLimitedAppFixture>
{
    public const string Name = "rate-limited";
}

[Collection(RateLimitedCollection.Name)]
public class rate_limiting_the_public_submit(RateLimitedAppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress OtherClient = IPAddress.Parse("203.0.113.8");

    [Fact]
    public async Task beyond_the_limit_a_client_gets_429_problem_details_with_retry_after_and_recovers_after_the_window()
    {
        var link = (await Host.LetterAsync(await Host.OpenDraftAsync())).PublicSignOnUrl!;
        var otherLink = (await Host.LetterAsync(await Host.OpenDraftAsync())).PublicSignOnUrl!;
        await SignAsync(link, Client, "First Signer", 200);
        await SignAsync(link, Client, "Second Signer", 200);

        var refused = await SignAsync(link, Client, "Third Signer", 429);

        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        refused.ReadAsJson<ProblemDetails>()!.Status.ShouldBe(429);
        var retryAfter = int.Parse(refused.Context.Response.Headers.RetryAfter.ToString());
        retryAfter.ShouldBeInRange(1, (int)RateLimitedAppFixture.Window.TotalSeconds);
        // other people on the same letter, and the same client on another letter, are not held back
        await SignAsync(link, OtherClient, "Colleague Elsewhere", 200);
        await SignAsync(otherLink, Client, "First Signer", 200);
        // reading the page is never limited
        await Host.Scenario(x => { x.Get.Url(link); x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = Client); });

        // the window is real time: submit again until the limiter lets the client through (a refused submit uses no
        // permit), and that submit is recorded
        var recovered = await Eventually.UntilAsync(
            async () => (await Host.PostFormAsync(link, null, Client, ("Form.Kind", "individual"), ("Form.Name", "Third Signer"))).Context.Response.StatusCode,
            status => status != 429, RateLimitedAppFixture.Window * 3, "the client's window to pass", TimeSpan.FromMilliseconds(500));
        recovered.ShouldBe(200);
    }

    private Task<IScenarioResult> SignAsync(string link, IPAddress client, string name, int status) =>
        Host.PostFormAsync(link, status, client, ("Form.Kind", "individual"), ("Form.Name", name));
}
