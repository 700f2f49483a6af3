namespace CampaignManager.Tests.Hosting;

/// <summary>
/// A command on an aggregate that does not exist answers the same 404 problem in every capability, naming the id it
/// could not find: Wolverine's default for <c>[WriteAggregate]</c> is set once, not per endpoint.
/// </summary>
[Collection(IntegrationCollection.Name)]
public class answering_unknown_ids(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_command_on_an_unknown_aggregate_is_a_404_problem_naming_the_id()
    {
        var letter = await Host.DraftAsync();
        var unknown = Guid.NewGuid();
        (string Url, object Body)[] commands =
        [
            ($"/api/letters/{unknown}/revisions", new { body = "x" }),
            ($"/api/letters/{letter}/signatures/{unknown}/approve", new { }),
            ($"/api/targets/{unknown}/details", new { name = "Anyone" }),
            ($"/api/organizations/{unknown}/aliases", new { alias = "X" }),
            ($"/api/campaigns/{unknown}/letters", new { letterId = letter }),
        ];

        foreach (var (url, body) in commands)
        {
            var result = await Host.Scenario(x =>
            {
                x.Post.Json(body).ToUrl(url);
                x.StatusCodeShouldBe(404);
                x.ContentTypeShouldBe("application/problem+json");
            });
            using var problem = JsonDocument.Parse(await result.ReadAsTextAsync());
            problem.RootElement.GetProperty("detail").GetString().ShouldNotBeNull().ShouldContain(unknown.ToString(), customMessage: url);
        }
    }
}
