using CampaignManager.Staff;

namespace CampaignManager.Tests.Staff;

[Collection(StaffCollection.Name)]
public class staff_page(StaffFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_admin_sees_accounts_and_their_tokens_but_never_a_hash()
    {
        var account = await Host.CreateAccountAsync("page.editor", "editor", "a long enough secret");
        var token = await Host.IssueTokenAsync(account);

        var page = await Scenario(x => x.AsAdmin().Get.Url("/staff"));
        var html = await page.ReadAsTextAsync();

        html.ShouldContain("page.editor");
        html.ShouldContain("integration");
        html.ShouldContain($"/api/staff/tokens/{token.Id}/revoke");
        html.ShouldContain($"data-post=\"/api/staff/accounts/{account}/password\"", Case.Sensitive, "an admin can set a password here too");
        html.ShouldNotContain(token.Token);
        html.ShouldNotContain(Secrets.Hash(token.Token));
        html.ShouldNotContain("AQAAAA", Case.Sensitive, "no password hash (PasswordHasher's v3 format starts so)");
    }

    [Fact]
    public async Task an_editor_is_refused_the_staff_page_and_does_not_see_its_link()
    {
        await Scenario(x =>
        {
            x.Get.Url("/staff");
            x.StatusCodeShouldBe(403);
        });
        var dashboard = await Scenario(x => x.Get.Url("/letters"));
        (await dashboard.ReadAsTextAsync()).ShouldNotContain("href=\"/staff\"");
    }
}
