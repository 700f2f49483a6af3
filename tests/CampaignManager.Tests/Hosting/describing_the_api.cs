namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The OpenAPI document is what integrators read first: an endpoint without a summary shows up as a generated operation
/// id, and one without a tag lands in an unnamed group. This fails as soon as someone adds such an endpoint.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class describing_the_api(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string[] Verbs = ["get", "put", "post", "delete", "patch"];

    private static bool HasSummary(JsonElement operation) =>
        operation.TryGetProperty("summary", out var summary) && summary.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
        && !(operation.TryGetProperty("operationId", out var id) && id.GetString() == text);

    private static bool HasTag(JsonElement operation) =>
        operation.TryGetProperty("tags", out var tags) && tags.GetArrayLength() > 0
        && tags.EnumerateArray().All(t => t.GetString() is { } tag && !string.IsNullOrWhiteSpace(tag) && !tag.Contains('.'));

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
        // without [EndpointSummary], Wolverine fills the summary with the generated operation id (GET_api_organizations)
        operations.Where(o => !HasSummary(o.Operation)).Select(o => o.Name).ShouldBeEmpty("these operations have no [EndpointSummary]");
        // without [Tags], the tag is the endpoint class's full name (CampaignManager.Coalitions.OrganizationViewsEndpoint)
        operations.Where(o => !HasTag(o.Operation)).Select(o => o.Name).ShouldBeEmpty("these operations have no [Tags]");
    }
}
