using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

[Collection(IntegrationCollection.Name)]
public class drafting_a_letter(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_drafted_letter_is_stored_as_an_event_stream_with_who_and_when()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new
            {
                title = "UN Human Rights Council withdrawal",
                subject = "Reconsider the withdrawal",
                body = "Dear Secretary,\n\nWe write to urge...",
                closing = "Sincerely,",
                addressees = new[] { new { name = "Mike Pompeo", title = "Secretary of State", organization = "U.S. Department of State", address = "2201 C St NW, Washington, DC 20520" } }
            }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(HttpStatusCode.Created);
        });

        var id = result.ReadAsJson<IdBody>()!.Id;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/letters/{id}");

        await using var session = Store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(id);
        var drafted = events.Single().Data.ShouldBeOfType<LetterDrafted>();
        drafted.Title.ShouldBe("UN Human Rights Council withdrawal");
        drafted.Addressees.Single().Organization.ShouldBe("U.S. Department of State");
        drafted.By.ShouldBe(TestStaffAuthentication.DefaultUser);
        drafted.At.ShouldBe(Fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task a_draft_without_title_or_body_is_rejected_with_field_errors_and_nothing_is_stored()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { title = "", subject = "S", body = " ", addressees = new[] { new { name = "" } } }).ToUrl("/api/letters");
            x.StatusCodeShouldBe(HttpStatusCode.BadRequest);
            x.ContentTypeShouldBe("application/problem+json");
        });

        var problem = result.ReadAsJson<ValidationProblem>()!;
        problem.Errors.Keys.ShouldBe(["title", "body", "addressees[0].name"], ignoreOrder: true);
        await using var session = Store.QuerySession();
        (await session.Query<Letter>().CountAsync()).ShouldBe(0);
    }

    public record IdBody(Guid Id);
    public record ValidationProblem(int Status, Dictionary<string, string[]> Errors);
}
