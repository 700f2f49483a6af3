using CampaignManager.Tests.Appeals;
using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Targets;
using CampaignManager.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// Every POST and PUT the app exposes, taken from its own endpoint data source, fed input that is wrong whatever the
/// state: each answer must be a 4xx problem (never a 5xx), and not one event may be recorded. Requests are sent as a
/// member of staff with the role the endpoint requires, so they reach validation rather than stop at 403.
/// </summary>
[Collection(HardeningCollection.Name)]
public class sweeping_every_command_with_bad_input(HardeningFixture fixture) : IntegrationContext(fixture)
{
    private readonly List<string> _failures = [];
    private int _requests;
    private string _role = "editor";

    [Fact]
    public async Task every_post_and_put_endpoint_answers_bad_input_with_a_4xx_problem_and_records_nothing()
    {
        var world = await SweepWorld.BuildAsync(Host);
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Any(m => m is "POST" or "PUT") == true)
            .ToList();
        endpoints.Count.ShouldBeGreaterThanOrEqualTo(30, "the sweep must see every command, not a few");
        var eventsBefore = await EventCountAsync();

        foreach (var endpoint in endpoints)
        {
            var pattern = endpoint.RoutePattern.RawText!;
            _role = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == StaffAccess.Admin) ? "admin" : "editor";
            var commandType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var real = world.Fill(pattern, SweepWorld.Ids.Real);
            var routed = pattern.Contains('{');

            foreach (var bad in BadBodies.For(commandType)) await ExpectRefused(pattern, real, bad.What, bad.Json);
            await ExpectTooLarge(endpoint, real);

            // A command whose fields are all optional is valid with nulls, so on a real resource it would rightly act:
            // nulls go to unknown resources there, and to the real creation endpoints, which all have required fields.
            var forNulls = routed ? world.Fill(pattern, SweepWorld.Ids.Unknown) : real;
            await ExpectRefused(pattern, forNulls, "every field null", "{}");
            foreach (var (path, _) in BadBodies.Fields(commandType ?? typeof(object), "", 0).Where(f => !f.Path.Contains('.') && !f.Path.Contains('[')))
                await ExpectRefused(pattern, forNulls, $"{path}: null", BadBodies.Place(path, null).ToJsonString());

            if (routed)
            {
                await ExpectRefused(pattern, world.Fill(pattern, SweepWorld.Ids.Unknown), "unknown ids in the route", "{}");
                await ExpectRefused(pattern, world.Fill(pattern, SweepWorld.Ids.WrongKind), "ids of another kind in the route", "{}");
            }
            foreach (var (path, type) in BadBodies.Fields(commandType ?? typeof(object), "", 0).Where(f => f.Type == typeof(Guid) || f.Type.GetGenericArguments().FirstOrDefault() == typeof(Guid)))
            foreach (var (what, id) in new[] { ("another kind's id", world.OtherKindFor(path)), ("an unknown id", Guid.NewGuid()) })
            {
                var value = type == typeof(Guid) ? (System.Text.Json.Nodes.JsonNode)id.ToString() : new System.Text.Json.Nodes.JsonArray(id.ToString());
                await ExpectRefused(pattern, real, $"{path}: {what}", BadBodies.Place(path, value).ToJsonString());
            }
        }

        _requests.ShouldBeGreaterThan(endpoints.Count * 10, "each endpoint gets a dozen bad requests or more");
        _failures.ShouldBeEmpty($"{_failures.Count} of {_requests} requests were not refused properly:\n{string.Join("\n", _failures)}");
        (await EventCountAsync()).ShouldBe(eventsBefore, "a refused request recorded an event");
    }

    private async Task ExpectRefused(string pattern, string url, string what, string json) =>
        Check(pattern, what, await Send(url, "application/json", Encoding.UTF8.GetBytes(json)), tooLarge: false);

    private async Task ExpectTooLarge(RouteEndpoint endpoint, string url)
    {
        var limit = endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize;
        // an endpoint's own limit is a CSV import's, or the partner form's smaller one for JSON
        var csv = endpoint.Metadata.GetMetadata<CampaignManager.Hosting.ICsvUploadMetadata>() is not null;
        var (contentType, size) = limit is { } l ? (csv ? "text/csv" : "application/json", l + 1) : ("application/json", 2 * 1024 * 1024);
        var body = Encoding.UTF8.GetBytes("{\"name\": \"" + new string('x', (int)size) + "\"}");
        Check(endpoint.RoutePattern.RawText!, "a body over the size limit", await Send(url, contentType, body), tooLarge: true);
    }

    private void Check(string pattern, string what, IScenarioResult result, bool tooLarge)
    {
        _requests++;
        var status = result.Context.Response.StatusCode;
        var type = result.Context.Response.ContentType ?? "";
        var ok = (tooLarge ? status == 413 : status is >= 400 and < 500) && type.StartsWith("application/problem+json");
        if (!ok) _failures.Add($"{pattern} with {what}: {status} {type} {Shorten(result.ReadAsText())}");
    }

    // No Content-Length on purpose: the limits must count bytes, not trust a header.
    private Task<IScenarioResult> Send(string url, string contentType, byte[] body) => Host.Scenario(x =>
    {
        x.Post.Url(url);
        x.WithRequestHeader(TestStaffAuthentication.Header, "sweep@example.org");
        x.WithRequestHeader(TestStaffAuthentication.RoleHeader, _role);
        x.ConfigureHttpContext(c =>
        {
            c.Request.ContentType = contentType;
            c.Request.Body = new MemoryStream(body);
        });
        x.IgnoreStatusCode();
    });

    private async Task<long> EventCountAsync()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "..." : text;
}
