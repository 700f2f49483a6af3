using CampaignManager.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CampaignManager.Tests.Staff;

/// <summary>
/// Walks every endpoint and page the app maps, read from its EndpointDataSource rather than a list kept by hand, so a
/// new endpoint is covered the day it is added.
/// </summary>
[Collection(StaffCollection.Name)]
public partial class every_endpoint_is_guarded(StaffFixture fixture) : IntegrationContext(fixture)
{
    private sealed record Call(string Method, string Path, RouteEndpoint Endpoint)
    {
        public bool Public => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        public IEnumerable<string?> Policies => Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy);
        public bool AdminOnly => Policies.Contains(StaffAccess.Admin);
        /// <summary>Signing out and choosing one's own password: every signed-in role may, by design.</summary>
        public bool OwnAccount => Policies.Contains(StaffAccess.SignedIn);
        public bool Write => !StaffAccess.IsRead(Method);
        public override string ToString() => $"{Method} {Path} ({Endpoint.DisplayName})";
    }

    private List<Call> Calls()
    {
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        return endpoints.SelectMany(e =>
        {
            var path = Parameter().Replace("/" + e.RoutePattern.RawText!.TrimStart('/'), m => m.Value.Contains(":guid") ? Guid.NewGuid().ToString() : "x");
            // Razor Pages accept any method and pick a handler afterwards: try a read and a write on each
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            return methods.Select(m => new Call(m, path, e));
        }).ToList();
    }

    private async Task<HttpResponse> Send(Call call, Action<Alba.Scenario> who)
    {
        var result = await Scenario(x =>
        {
            who(x);
            x.WithRequestHeader("Accept", "application/json, text/html");
            if (call.Write) x.Post.Json(new { }).ToUrl(call.Path);
            else x.Get.Url(call.Path);
            x.ConfigureHttpContext(c => c.Request.Method = call.Method);
            x.IgnoreStatusCode();
        });
        return result.Context.Response;
    }

    [Fact]
    public async Task the_endpoint_data_source_lists_the_api_the_pages_and_the_public_page()
    {
        var calls = Calls();
        calls.Count.ShouldBeGreaterThan(50);
        calls.ShouldContain(c => c.Path.StartsWith("/sign/") && c.Public);
        calls.ShouldContain(c => c.Path == "/signin" && c.Public);
        calls.ShouldContain(c => c.Path == "/letters" && !c.Public);
        calls.ShouldContain(c => c.Path == "/api/staff/accounts" && c.AdminOnly);
        calls.Where(c => c.Public).Select(c => c.Endpoint.RoutePattern.RawText!.TrimStart('/')).Distinct().Order()
            // the API docs' own script and icon are static assets, which Scalar maps as anonymous; the docs page is not.
            // The health probes answer load balancers, which hold no credentials. A partner's embedded form posts
            // from the partner's own site (CORS-checked), as anonymously as the public page.
            .ShouldBe(["api/public/sign/{token}/partners/{code}", "docs/favicon.svg", "docs/scalar.aspnetcore.js", "docs/scalar.js", "health/live", "health/ready",
                "sign/{token}/{signer?}", "sign/{token}/confirm/{secret}", "sign/{token}/mine/{secret}", "signin", "signin/once/{code}"]);
    }

    [Fact]
    public async Task every_non_public_endpoint_refuses_an_anonymous_caller()
    {
        var wrong = new List<string>();
        foreach (var call in Calls().Where(c => !c.Public))
        {
            var response = await Send(call, x => x.AsAnonymous());
            var api = call.Path.StartsWith("/api/");
            var ok = api
                ? response.StatusCode == 401 && response.ContentType?.StartsWith("application/problem+json") == true
                : response.StatusCode == 302 && response.Headers.Location.ToString().Contains("/signin?ReturnUrl=");
            if (!ok) wrong.Add($"{call}: {response.StatusCode} {response.Headers.Location}");
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task a_viewer_may_read_but_every_write_and_all_staff_management_answer_403()
    {
        var wrong = new List<string>();
        foreach (var call in Calls().Where(c => !c.Public && !c.OwnAccount))
        {
            var response = await Send(call, x => x.WithRequestHeader(TestStaffAuthentication.RoleHeader, "viewer"));
            var refused = response.StatusCode == 403;
            if ((call.Write || call.AdminOnly) != refused) wrong.Add($"{call}: {response.StatusCode}");
            if (response.StatusCode is 401 or 302 && !refused) wrong.Add($"{call}: {response.StatusCode} for a viewer");
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task an_editor_cannot_manage_staff()
    {
        var wrong = new List<string>();
        foreach (var call in Calls().Where(c => c.AdminOnly))
        {
            var response = await Send(call, _ => { });
            if (response.StatusCode != 403) wrong.Add($"{call}: {response.StatusCode}");
        }
        wrong.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_public_endpoints_answer_an_anonymous_caller()
    {
        foreach (var call in Calls().Where(c => c.Public && !c.Write))
        {
            var response = await Send(call, x => x.AsAnonymous());
            response.StatusCode.ShouldNotBe(401, call.ToString());
            response.Headers.Location.ToString().ShouldNotContain("/signin?", Case.Insensitive, call.ToString());
        }
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
