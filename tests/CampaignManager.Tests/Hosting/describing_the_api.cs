using System.Text.Json;
using Alba;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The OpenAPI document is what integrators read first: an endpoint without a summary shows up as a generated operation
/// id, and one without a tag lands in an unnamed group. This fails as soon as someone adds such an endpoint.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class describing_the_api(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    [Fact]
    public async Task every_operation_has_a_summary_and_a_tag()
    {
        var result = await Host.Scenario(x => { x.Get.Url("/openapi/v1.json"); x.StatusCodeShouldBe(200); });
        using var document = JsonDocument.Parse(await result.ReadAsTextAsync());

        var operations = (
            from path in document.RootElement.GetProperty("paths").EnumerateObject()
            from verb in path.Value.EnumerateObject()
            where Verbs.Contains(verb.Name)
            select (Name: $"{verb.Name.ToUpperInvariant()} {path.Name}", Operation: verb.Value)).ToList();

        operations.Count.ShouldBeGreaterThan(40); // the whole API is described, not an empty document
        operations.Where(o => !o.Operation.TryGetProperty("summary", out var s) || string.IsNullOrWhiteSpace(s.GetString()))
            .Select(o => o.Name).ShouldBeEmpty("these operations have no [EndpointSummary]");
        operations.Where(o => !o.Operation.TryGetProperty("tags", out var t) || t.GetArrayLength() == 0)
            .Select(o => o.Name).ShouldBeEmpty("these operations have no [Tags]");
    }
}
