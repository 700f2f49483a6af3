namespace CampaignManager.Tests.Staff;

[Collection(StaffCollection.Name)]
public class antiforgery_for_cookie_sign_ins(StaffFixture fixture) : IntegrationContext(fixture)
{
    private static readonly object Draft = new { title = "T", subject = "S", body = "B", closing = "" };

    private async Task<(CookieJar Jar, string Token)> SignedInPageAsync()
    {
        await Host.CreateAccountAsync("csrf.editor", "editor", "a long enough secret");
        var (_, jar) = await Host.SignInAsync("csrf.editor", "a long enough secret");
        var page = await Scenario(x => x.WithCookies(jar).Get.Url("/letters"));
        jar.Absorb(page.Context.Response);
        return (jar, StaffApi.MetaToken(await page.ReadAsTextAsync()));
    }

    [Fact]
    public async Task a_cookie_authenticated_json_post_without_the_token_is_rejected()
    {
        var (jar, _) = await SignedInPageAsync();

        var refused = await Scenario(x =>
        {
            x.WithCookies(jar).Post.Json(Draft).ToUrl("/api/letters");
            x.StatusCodeShouldBe(400);
        });
        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        await using var session = Store.QuerySession();
        (await session.Query<global::CampaignManager.Letters.Letter>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_cookie_authenticated_json_post_with_the_pages_token_is_accepted()
    {
        var (jar, token) = await SignedInPageAsync();

        await Scenario(x =>
        {
            x.WithCookies(jar).WithRequestHeader("RequestVerificationToken", token);
            x.Post.Json(Draft).ToUrl("/api/letters");
            x.StatusCodeShouldBe(201);
        });
    }

    [Fact]
    public async Task a_bearer_token_post_needs_no_antiforgery_token()
    {
        var token = await Host.IssueTokenAsync(await Host.CreateAccountAsync("script.editor", "editor"));

        await Scenario(x =>
        {
            x.WithBearer(token.Token).Post.Json(Draft).ToUrl("/api/letters");
            x.StatusCodeShouldBe(201);
        });
    }
}
