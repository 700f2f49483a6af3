using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

[Collection(IntegrationCollection.Name)]
public class letter_lifecycle(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_letter_goes_from_draft_to_open_to_closed_to_final()
    {
        var id = await Host.DraftAsync();
        (await Host.LetterAsync(id)).Status.ShouldBe(LetterStatus.Draft);

        (await Host.LifecycleAsync(id, "open")).ReadAsJson<LetterState>()!.Status.ShouldBe(LetterStatus.Open);
        (await Host.LifecycleAsync(id, "close")).ReadAsJson<LetterState>()!.Status.ShouldBe(LetterStatus.Closed);
        (await Host.LifecycleAsync(id, "finalize")).ReadAsJson<LetterState>()!.Status.ShouldBe(LetterStatus.Final);

        var letter = await Host.LetterAsync(id);
        letter.Status.ShouldBe(LetterStatus.Final);
        letter.FinalizedAt.ShouldBe(Fixture.Clock.GetUtcNow());
    }

    [Theory]
    [InlineData("close")]
    [InlineData("finalize")]
    public async Task closing_or_finalizing_a_draft_is_rejected_with_409_and_changes_nothing(string action)
    {
        var id = await Host.DraftAsync();
        var result = await Host.LifecycleAsync(id, action, expected: 409);
        result.Context.Response.ContentType.ShouldBe("application/problem+json");
        await AssertStreamLength(id, 1);
    }

    [Fact]
    public async Task a_final_letter_cannot_be_reopened_or_revised()
    {
        var id = await Host.OpenDraftAsync();
        await Host.LifecycleAsync(id, "close");
        await Host.LifecycleAsync(id, "finalize");

        await Host.LifecycleAsync(id, "open", expected: 409);
        await Host.ReviseAsync(id, new { body = "new words" }, expected: 409);
        await AssertStreamLength(id, 4);
    }

    [Fact]
    public async Task an_unknown_letter_answers_404_everywhere()
    {
        var unknown = Guid.NewGuid();
        await Host.Scenario(x => { x.Get.Url($"/api/letters/{unknown}"); x.StatusCodeShouldBe(404); });
        await Host.Scenario(x => { x.Get.Url($"/api/letters/{unknown}/history"); x.StatusCodeShouldBe(404); });
        await Host.LifecycleAsync(unknown, "open", expected: 404);
        await Host.ReviseAsync(unknown, new { body = "x" }, expected: 404);
        await Host.Scenario(x => { x.Post.Json(new { kind = "organization", name = "HRW" }).ToUrl($"/api/letters/{unknown}/signatures"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task a_deadline_in_the_past_is_a_field_error()
    {
        var id = await Host.DraftAsync();
        await Host.Scenario(x =>
        {
            x.Post.Json(new { deadline = Fixture.Clock.GetUtcNow().AddDays(-1) }).ToUrl($"/api/letters/{id}/open");
            x.StatusCodeShouldBe(400);
        });
        (await Host.LetterAsync(id)).Status.ShouldBe(LetterStatus.Draft);
    }

    [Fact]
    public async Task malformed_json_is_a_400_not_a_500()
    {
        await Host.Scenario(x =>
        {
            x.Post.Text("{\"title\": ").ToUrl("/api/letters");
            x.WithRequestHeader("Content-Type", "application/json");
            x.StatusCodeShouldBe(400);
        });
    }

    private async Task AssertStreamLength(Guid id, int expected)
    {
        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(id)).Count.ShouldBe(expected);
    }
}
