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
    [Theory]
    [InlineData("/api/target-lists/{id}/import", new[] { "name", "given_name", "family_name", "title", "organization", "email", "address", "country", "tags" })]
    [InlineData("/api/letters/{id}/signatures/import", new[] { "kind", "name", "given_name", "title", "affiliation", "affiliation_for_identification_only", "email", "family_name", "signed_on" })]
    public async Task a_csv_import_describes_its_multipart_file_field_and_the_columns_of_its_header(string path, string[] columns)
    {
        using var document = await DocumentAsync();
        var body = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");

        body.GetProperty("required").GetBoolean().ShouldBeTrue();
        var multipart = body.GetProperty("content").GetProperty("multipart/form-data").GetProperty("schema");
        multipart.GetProperty("required").EnumerateArray().Select(r => r.GetString()).ShouldBe(["file"]);
        var file = multipart.GetProperty("properties").GetProperty("file");
        (file.GetProperty("type").GetString(), file.GetProperty("format").GetString()).ShouldBe(("string", "binary"));
        file.GetProperty("description").GetString()!.ShouldEndWith(string.Join(',', columns));
        body.GetProperty("content").TryGetProperty("text/csv", out _).ShouldBeTrue("the CSV text as the body itself is read too");
        var description = body.GetProperty("description").GetString()!;
        foreach (var column in columns) description.ShouldContain($"- `{column}`");
        // another tool's export is read by its own column names, and what is of no use is ignored, not refused
        description.ShouldContain("(also read from `first_name`");
        description.ShouldContain("`ignoredColumns`");
    }

    [Fact]
    public async Task the_target_import_report_says_its_row_counts_the_header_and_gives_the_line_too()
    {
        using var document = await DocumentAsync();
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");

        foreach (var name in (string[])["ImportError", "ImportDuplicate"])
        {
            var properties = schemas.GetProperty(name).GetProperty("properties");
            properties.GetProperty("row").GetProperty("description").GetString()!.ShouldContain("counting the header as row 1");
            properties.GetProperty("line").GetProperty("description").GetString()!.ShouldContain("counting the header as line 1");
        }
        schemas.GetProperty("ImportDuplicate").GetProperty("properties").TryGetProperty("sameAsLine", out _).ShouldBeTrue();
    }

    private async Task<JsonDocument> DocumentAsync()
    {
        var result = await Host.Scenario(x => { x.Get.Url("/openapi/v1.json"); x.StatusCodeShouldBe(200); });
        return JsonDocument.Parse(await result.ReadAsTextAsync());
    }
}
