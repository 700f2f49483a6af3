using CampaignManager.Staff;

namespace CampaignManager.Tests.Staff;

[Collection(StaffCollection.Name)]
public class signing_in(StaffFixture fixture) : IntegrationContext(fixture)
{
    private const string Password = "correct horse battery staple";

    private async Task<(int Status, string Body)> WithCookies(CookieJar jar, string url)
    {
        var result = await Scenario(x =>
        {
            x.WithCookies(jar).Get.Url(url);
            x.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }

    [Fact]
    public async Task the_right_password_signs_in_with_the_staff_cookie_as_that_account()
    {
        await Host.CreateAccountAsync("lena.viewer", "viewer", Password);

        var (status, jar) = await Host.SignInAsync("lena.viewer", Password);

        status.ShouldBe(302);
        jar.Has(StaffAuthentication.CookieName).ShouldBeTrue();
        var (meStatus, me) = await WithCookies(jar, "/api/staff/me");
        meStatus.ShouldBe(200);
        me.ShouldContain("\"name\":\"lena.viewer\"");
        me.ShouldContain("\"roles\":[\"viewer\"]");
    }

    [Fact]
    public async Task a_wrong_password_or_an_unknown_name_is_refused_without_saying_which()
    {
        await Host.CreateAccountAsync("omar.editor", "editor", Password);

        var (wrong, wrongJar) = await Host.SignInAsync("omar.editor", "not the password at all");
        var (unknown, _) = await Host.SignInAsync("nobody.here", Password);

        (wrong, unknown).ShouldBe((401, 401));
        wrongJar.Has(StaffAuthentication.CookieName).ShouldBeFalse();
    }

    [Fact]
    public async Task a_disabled_account_cannot_sign_in_and_its_existing_cookie_stops_working()
    {
        var account = await Host.CreateAccountAsync("ines.editor", "editor", Password);
        var (_, jar) = await Host.SignInAsync("ines.editor", Password);
        (await WithCookies(jar, "/api/staff/me")).Status.ShouldBe(200);

        await Scenario(x => x.AsAdmin().Post.Json(new { }).ToUrl($"/api/staff/accounts/{account}/disable"));

        (await WithCookies(jar, "/api/staff/me")).Status.ShouldBe(401);
        (await Host.SignInAsync("ines.editor", Password)).Status.ShouldBe(401);
    }

    [Fact]
    public async Task a_role_change_applies_to_a_signed_in_cookie_at_once()
    {
        var account = await Host.CreateAccountAsync("theo.editor", "editor", Password);
        var (_, jar) = await Host.SignInAsync("theo.editor", Password);

        await Scenario(x => x.AsAdmin().Post.Json(new { role = "viewer" }).ToUrl($"/api/staff/accounts/{account}/role"));

        (await WithCookies(jar, "/api/staff/me")).Body.ShouldContain("\"roles\":[\"viewer\"]");
    }

    [Fact]
    public async Task a_staff_page_without_a_cookie_redirects_to_sign_in_and_sign_in_returns_only_to_this_site()
    {
        var page = await Scenario(x =>
        {
            x.AsAnonymous().Get.Url("/letters");
            x.StatusCodeShouldBe(302);
        });
        page.Context.Response.Headers.Location.ToString().ShouldContain("/signin?ReturnUrl=%2Fletters");

        SignInModel.SafeReturnUrl("/letters?status=open").ShouldBe("/letters?status=open");
        SignInModel.SafeReturnUrl("//evil.example/").ShouldBe("/");
        SignInModel.SafeReturnUrl("https://evil.example/").ShouldBe("/");
        SignInModel.SafeReturnUrl("/\\evil.example").ShouldBe("/");
    }

    [Fact]
    public async Task a_one_time_link_signs_in_once_then_asks_for_a_password_and_is_spent()
    {
        var account = await Host.CreateAccountAsync("new.starter", "editor");
        var issued = await Scenario(x => x.AsAdmin().Post.Json(new { }).ToUrl($"/api/staff/accounts/{account}/sign-in-link"));
        var path = new Uri((await issued.ReadAsJsonAsync<NewSignInLinkResponse>())!.Url).AbsolutePath;

        var first = await Scenario(x =>
        {
            x.AsAnonymous().Get.Url(path);
            x.StatusCodeShouldBe(302);
        });
        first.Context.Response.Headers.Location.ToString().ShouldBe(SetPasswordModel.Path);
        var jar = new CookieJar();
        jar.Absorb(first.Context.Response);
        (await WithCookies(jar, "/api/staff/me")).Body.ShouldContain("new.starter");

        await Scenario(x =>
        {
            x.AsAnonymous().Get.Url(path);
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task a_one_time_link_does_not_work_after_it_expires()
    {
        var account = await Host.CreateAccountAsync("late.starter", "viewer");
        var issued = await Scenario(x => x.AsAdmin().Post.Json(new { }).ToUrl($"/api/staff/accounts/{account}/sign-in-link"));
        var path = new Uri((await issued.ReadAsJsonAsync<NewSignInLinkResponse>())!.Url).AbsolutePath;

        Fixture.Clock.Advance(IssueSignInLinkEndpoint.Lifetime);

        await Scenario(x =>
        {
            x.AsAnonymous().Get.Url(path);
            x.StatusCodeShouldBe(404);
        });
    }
}
