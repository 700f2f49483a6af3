namespace CampaignManager.Tests.Hosting;

/// <summary>Every answer carries the security headers, whatever produced it; the app answers only to hosts it knows.</summary>
[Collection(IntegrationCollection.Name)]
public class sending_security_headers(AppFixture fixture) : IntegrationContext(fixture)
{
    [Theory]
    [InlineData("/", 200)]
    [InlineData("/sign/not-a-real-token", 404)]
    [InlineData("/api/letters", 200)]
    [InlineData("/api/letters/00000000-0000-0000-0000-000000000001", 404)]
    [InlineData("/site.css", 200)]
    public async Task pages_api_answers_errors_and_files_carry_the_headers(string path, int status)
    {
        var result = await Host.Scenario(x => { x.Get.Url(path); x.StatusCodeShouldBe(status); });

        var headers = result.Context.Response.Headers;
        headers.ContentSecurityPolicy.ToString().ShouldContain("script-src 'self';");
        headers.ContentSecurityPolicy.ToString().ShouldContain("frame-ancestors 'none'");
        headers.ContentSecurityPolicy.ToString().ShouldNotContain("unsafe");
        headers.XContentTypeOptions.ToString().ShouldBe("nosniff");
        headers.XFrameOptions.ToString().ShouldBe("DENY");
        headers["Referrer-Policy"].ToString().ShouldBe("no-referrer");
        headers["Permissions-Policy"].ToString().ShouldContain("camera=()");
    }

    [Fact]
    public async Task a_request_for_a_host_the_app_does_not_serve_is_refused()
    {
        await Host.Scenario(x => { x.Get.Url("/"); x.WithRequestHeader("Host", "campaigns.attacker.example"); x.StatusCodeShouldBe(400); });
        await Host.Scenario(x => { x.Get.Url("/"); x.WithRequestHeader("Host", "127.0.0.1:5000"); x.StatusCodeShouldBe(200); });
    }
}
