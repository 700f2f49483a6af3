namespace CampaignManager.Tests.Staff;

[Collection(StaffCollection.Name)]
public class api_tokens(StaffFixture fixture) : IntegrationContext(fixture)
{
    private async Task<int> StatusWith(string token, string url = "/api/letters")
    {
        var result = await Scenario(x =>
        {
            x.WithBearer(token).Get.Url(url);
            x.IgnoreStatusCode();
        });
        return result.Context.Response.StatusCode;
    }

    [Fact]
    public async Task a_token_acts_as_its_account_and_every_event_records_that_account()
    {
        var editor = await Host.CreateAccountAsync("nadia.editor", "editor");
        var token = await Host.IssueTokenAsync(editor);

        var drafted = await Scenario(x =>
        {
            x.WithBearer(token.Token).Post.Json(new { title = "T", subject = "S", body = "B", closing = "" }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(201);
        });
        var id = (await drafted.ReadAsJsonAsync<global::CampaignManager.Letters.NewLetterResponse>())!.Id;

        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(id)).Single().Data.ShouldBeOfType<global::CampaignManager.Letters.LetterDrafted>().By.ShouldBe("nadia.editor");
    }

    [Fact]
    public async Task a_revoked_token_is_rejected_with_a_401_problem()
    {
        var token = await Host.IssueTokenAsync(await Host.CreateAccountAsync("rev.viewer", "viewer"));
        (await StatusWith(token.Token)).ShouldBe(200);

        await Scenario(x => x.AsAdmin().Post.Json(new { }).ToUrl($"/api/staff/tokens/{token.Id}/revoke"));

        var refused = await Scenario(x =>
        {
            x.WithBearer(token.Token).Get.Url("/api/letters");
            x.StatusCodeShouldBe(401);
        });
        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        refused.Context.Response.Headers.WWWAuthenticate.ToString().ShouldBe("Bearer");
    }

    [Fact]
    public async Task an_expired_token_is_rejected_from_the_moment_it_expires()
    {
        var token = await Host.IssueTokenAsync(await Host.CreateAccountAsync("exp.viewer", "viewer"), Fixture.Clock.GetUtcNow().AddHours(1));
        (await StatusWith(token.Token)).ShouldBe(200);

        Fixture.Clock.Advance(TimeSpan.FromHours(1));

        (await StatusWith(token.Token)).ShouldBe(401);
    }

    [Fact]
    public async Task a_disabled_accounts_tokens_and_unknown_tokens_are_rejected()
    {
        var account = await Host.CreateAccountAsync("gone.editor", "editor");
        var token = await Host.IssueTokenAsync(account);
        await Scenario(x => x.AsAdmin().Post.Json(new { }).ToUrl($"/api/staff/accounts/{account}/disable"));

        (await StatusWith(token.Token)).ShouldBe(401);
        (await StatusWith("not-a-token-anyone-issued")).ShouldBe(401);
    }

    [Fact]
    public async Task a_viewers_token_reads_but_cannot_write_and_only_admins_manage_tokens()
    {
        var viewer = await Host.IssueTokenAsync(await Host.CreateAccountAsync("read.only", "viewer"));
        var editor = await Host.IssueTokenAsync(await Host.CreateAccountAsync("write.some", "editor"));

        (await StatusWith(viewer.Token)).ShouldBe(200);
        var refused = await Scenario(x =>
        {
            x.WithBearer(viewer.Token).Post.Json(new { title = "T", subject = "S", body = "B" }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(403);
        });
        refused.Context.Response.ContentType.ShouldBe("application/problem+json");
        (await StatusWith(editor.Token, "/api/staff/accounts")).ShouldBe(403);
    }

    [Fact]
    public async Task no_token_ever_appears_in_the_logs()
    {
        var token = await Host.IssueTokenAsync(await Host.CreateAccountAsync("log.editor", "editor"));
        await StatusWith(token.Token);
        await Scenario(x =>
        {
            x.WithBearer(token.Token).Post.Json(new { title = "T", subject = "S", body = "B" }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(201);
        });
        await Scenario(x => x.AsAdmin().Post.Json(new { }).ToUrl($"/api/staff/tokens/{token.Id}/revoke"));
        await StatusWith(token.Token);
        await StatusWith(StaffFixture.BootstrapToken);
        var unknown = CampaignManager.Staff.Secrets.NewToken();
        await StatusWith(unknown);

        var lines = fixture.Logs.Lines;
        lines.ShouldNotBeEmpty();
        lines.ShouldNotContain(l => l.Contains(token.Token) || l.Contains(StaffFixture.BootstrapToken) || l.Contains(unknown));
    }
}
