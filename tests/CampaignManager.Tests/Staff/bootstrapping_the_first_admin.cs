using CampaignManager.Staff;

namespace CampaignManager.Tests.Staff;

[Collection(StaffCollection.Name)]
public class bootstrapping_the_first_admin(StaffFixture fixture) : IntegrationContext(fixture)
{
    private StaffBootstrap Bootstrap => Host.Services.GetRequiredService<StaffBootstrap>();

    private async Task<int> AccountsStatusWithBootstrapToken()
    {
        var result = await Scenario(x =>
        {
            x.WithBearer(StaffFixture.BootstrapToken).Get.Url("/api/staff/accounts");
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    [Fact]
    public async Task the_bootstrap_token_makes_the_first_admin_once_and_is_stored_only_as_a_hash()
    {
        (await Bootstrap.ApplyBootstrapTokenAsync()).ShouldBeTrue();
        (await Bootstrap.ApplyBootstrapTokenAsync()).ShouldBeFalse("a second start finds the admin and does nothing");

        (await AccountsStatusWithBootstrapToken()).ShouldBe(200);
        await using var session = Store.QuerySession();
        var admin = (await session.Query<StaffAccount>().ToListAsync()).ShouldHaveSingleItem();
        (admin.Login, admin.Role).ShouldBe((StaffBootstrap.FirstAdminLogin, StaffRole.Admin));
        var token = (await session.Query<ApiToken>().ToListAsync()).ShouldHaveSingleItem();
        token.TokenHash.ShouldBe(Secrets.Hash(StaffFixture.BootstrapToken));
        token.TokenHash.ShouldNotContain(StaffFixture.BootstrapToken);
    }

    [Fact]
    public async Task the_bootstrap_token_is_ignored_once_an_account_exists()
    {
        await Host.CreateAccountAsync("existing.admin", "admin");

        (await Bootstrap.ApplyBootstrapTokenAsync()).ShouldBeFalse();

        (await AccountsStatusWithBootstrapToken()).ShouldBe(401);
    }

    [Fact]
    public async Task a_bootstrap_token_given_after_a_start_that_only_printed_a_link_still_reaches_the_unused_first_admin()
    {
        (await Bootstrap.IssueFirstSignInAsync()).ShouldNotBeNull();

        (await Bootstrap.ApplyBootstrapTokenAsync()).ShouldBeTrue();

        (await AccountsStatusWithBootstrapToken()).ShouldBe(200);
        await using var session = Store.QuerySession();
        (await session.Query<StaffAccount>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task without_any_usable_account_the_first_admin_gets_a_one_time_link_and_a_later_start_gets_none()
    {
        var code = await Bootstrap.IssueFirstSignInAsync();
        code.ShouldNotBeNull();
        var used = await Scenario(x =>
        {
            x.AsAnonymous().Get.Url($"/signin/once/{code}");
            x.StatusCodeShouldBe(302);
        });
        var jar = new CookieJar();
        jar.Absorb(used.Context.Response);
        var page = await Scenario(x => x.WithCookies(jar).Get.Url(SetPasswordModel.Path));
        jar.Absorb(page.Context.Response);
        var token = StaffApi.FormToken(await page.ReadAsTextAsync());
        await Scenario(x =>
        {
            x.WithCookies(jar);
            x.Post.FormData(new() { ["Password"] = "a long enough secret", ["Confirm"] = "a long enough secret",
                ["__RequestVerificationToken"] = token }).ToUrl(SetPasswordModel.Path);
        });

        (await Bootstrap.IssueFirstSignInAsync()).ShouldBeNull("the admin has a password now");
        (await Host.SignInAsync(StaffBootstrap.FirstAdminLogin, "a long enough secret")).Status.ShouldBe(302);
    }
}
