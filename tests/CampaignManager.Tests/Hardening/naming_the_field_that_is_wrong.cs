using CampaignManager.Letters;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Hardening;

/// <summary>What a caller sees when one field is wrong: a 400 problem naming that field, and nothing recorded.</summary>
[Collection(HardeningCollection.Name)]
public class naming_the_field_that_is_wrong(HardeningFixture fixture) : IntegrationContext(fixture)
{
    private static object Letter(string title = "Reconsider the withdrawal", string body = "Dear Secretary,\n\n\tWe ask.") =>
        new { title, subject = "Membership", body, closing = "Sincerely,", addressees = Array.Empty<object>() };

    [Fact]
    public async Task malformed_json_sent_to_close_or_finalize_is_refused_and_the_letter_stays_as_it_was()
    {
        var id = await Host.OpenDraftAsync();
        foreach (var action in new[] { "close", "finalize" })
        {
            var problem = await Raw($"/api/letters/{id}/{action}", "{\"reason\": ", expected: 400);
            problem.Errors!.Keys.ShouldContain("body");
        }
        (await Host.LetterAsync(id)).Status.ShouldBe(LetterStatus.Open);
        await Raw($"/api/letters/{id}/close", "null", expected: 400);
        await Host.LifecycleAsync(id, "close"); // an empty object is still how a body-less command is sent
    }

    [Fact]
    public async Task a_wrong_type_or_an_unknown_enum_value_names_the_field()
    {
        var id = await Host.OpenDraftAsync();
        (await Raw($"/api/letters/{id}/signatures", "{\"kind\": \"robot\", \"name\": \"HRW\"}")).Errors!.Keys.ShouldBe(["kind"]);
        (await Raw("/api/letters", "{\"title\": 5}")).Errors!.Keys.ShouldBe(["title"]);
        (await Raw("/api/target-lists", "{\"name\": \"L\", \"targetIds\": [\"nope\"]}")).Errors!.Keys.ShouldBe(["targetIds[0]"]);
    }

    [Theory]
    [InlineData("Human\u0000Rights Watch", "NUL")]
    [InlineData("Human\u0007Rights Watch", "control")]
    [InlineData("Human Rights\nWatch", "single line")]
    [InlineData("\u202eHRW Spoof", "bidirectional")]
    [InlineData("\u200b\u200c\u2060", "visible")]
    public async Task a_name_with_control_bidi_or_only_invisible_characters_is_refused(string name, string reason)
    {
        var letter = await Host.OpenDraftAsync();
        var refusals = new[]
        {
            ("/api/letters", (object)new { title = name, subject = "s", body = "b" }, "title"),
            ($"/api/letters/{letter}/signatures", new { kind = "organization", name }, "name"),
            ("/api/organizations", new { name }, "name"),
            ("/api/targets", new { name }, "name"),
            ("/api/target-lists", new { name }, "name"),
            ("/api/campaigns", new { name, goal = "g", venue = "v" }, "name"),
        };
        foreach (var (url, body, field) in refusals)
        {
            var problem = await Json(url, body, 400);
            problem.Errors!.Keys.ShouldContain(field, url);
            string.Join(" ", problem.Errors[field]).ShouldContain(reason, Case.Insensitive, url);
        }
    }

    [Fact]
    public async Task line_breaks_and_tabs_are_kept_in_a_body_but_nul_is_not()
    {
        await Json("/api/letters", Letter(body: "Dear Secretary,\r\n\r\n\tWe ask."), 201);
        (await Json("/api/letters", Letter(body: "Dear\u0000Secretary"), 400)).Errors!.Keys.ShouldBe(["body"]);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T00:00:00Z")]
    public async Task an_absurd_deadline_is_refused_naming_the_field(string deadline)
    {
        var id = await Host.DraftAsync();
        (await Raw($"/api/letters/{id}/open", $"{{\"deadline\": \"{deadline}\"}}")).Errors!["deadline"][0].ShouldContain("between 1900");
        (await Raw("/api/campaigns", $"{{\"name\": \"n\", \"goal\": \"g\", \"venue\": \"v\", \"decisionDate\": \"{deadline[..10]}\"}}"))
            .Errors!.Keys.ShouldBe(["decisionDate"]);
        (await Host.LetterAsync(id)).Status.ShouldBe(LetterStatus.Draft);
    }

    [Fact]
    public async Task an_oversized_string_is_a_400_naming_it_and_an_oversized_body_a_413()
    {
        (await Json("/api/letters", Letter(title: new string('t', 301)), 400)).Errors!.Keys.ShouldBe(["title"]);
        (await Json("/api/targets", new { name = "Mission", tags = new[] { new string('x', 100_001) } }, 400)).Errors!.Keys.ShouldBe(["tags[0]"]);
        var tooLarge = await Raw("/api/letters", $"{{\"title\": \"{new string('x', 2_000_000)}\"}}", expected: 413);
        tooLarge.Title.ShouldBe("The request is too large.");
    }

    private async Task<ValidationProblem> Json(string url, object body, int expected)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(expected);
        });
        return result.ReadAsJson<ValidationProblem>()!;
    }

    private async Task<ValidationProblem> Raw(string url, string json, int expected = 400)
    {
        var result = await Host.Scenario(x =>
        {
            x.Post.Url(url);
            x.ConfigureHttpContext(c =>
            {
                c.Request.ContentType = "application/json";
                c.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
            });
            x.StatusCodeShouldBe(expected);
            x.ContentTypeShouldBe("application/problem+json");
        });
        return result.ReadAsJson<ValidationProblem>()!;
    }
}
