using CampaignManager.Targets;

namespace CampaignManager.Tests.Targets;

[Collection(TargetsCollection.Name)]
public class registering_targets(AppFixture fixture) : IntegrationContext(fixture)
{
    private static object Pompeo => new
    {
        name = "Mike Pompeo", title = "Secretary of State", organization = "U.S. Department of State",
        email = "Secretary@State.gov", address = "2201 C St NW, Washington, DC 20520", country = "United States",
        tags = new[] { "US", "executive" }
    };

    [Fact]
    public async Task a_registered_target_is_a_stream_that_starts_with_who_and_when_and_can_be_read_back()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(Pompeo).ToUrl("/api/targets");
            x.StatusCodeShouldBe(201);
        });
        var id = result.ReadAsJson<IdBody>()!.Id;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/targets/{id}");

        await using var session = Store.LightweightSession();
        var registered = (await session.Events.FetchStreamAsync(id)).Single().Data.ShouldBeOfType<TargetRegistered>();
        registered.Email.ShouldBe("secretary@state.gov");
        (registered.By, registered.At).ShouldBe((TestStaffAuthentication.DefaultUser, Fixture.Clock.GetUtcNow()));

        var details = (await Scenario(x => x.Get.Url($"/api/targets/{id}"))).ReadAsJson<TargetDetails>()!;
        details.Name.ShouldBe("Mike Pompeo");
        details.Organization.ShouldBe("U.S. Department of State");
        details.Tags.ShouldBe(["us", "executive"]);
    }

    [Fact]
    public async Task a_target_without_a_name_or_with_a_bad_email_is_refused_with_field_errors_and_nothing_is_stored()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = " ", email = "nope", country = new string('x', 101) }).ToUrl("/api/targets");
            x.StatusCodeShouldBe(400);
            x.ContentTypeShouldBe("application/problem+json");
        });

        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["name", "email", "country"], ignoreOrder: true);
        await using var session = Store.QuerySession();
        (await session.Query<TargetDetails>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task malformed_json_is_a_bad_request_not_a_server_error()
    {
        await Scenario(x =>
        {
            x.PostBody("/api/targets", "application/json", Encoding.UTF8.GetBytes("{\"name\": \"unterminated"));
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task an_unknown_target_is_a_404_problem()
    {
        var id = Guid.NewGuid();
        var result = await Scenario(x =>
        {
            x.Get.Url($"/api/targets/{id}");
            x.StatusCodeShouldBe(404);
            x.ContentTypeShouldBe("application/problem+json");
        });
        result.ReadAsJson<ValidationProblem>()!.Detail!.ShouldContain(id.ToString());
    }

    [Fact]
    public async Task targets_can_be_listed_by_tag_country_and_search_one_page_at_a_time()
    {
        await Host.RegisterTarget(Pompeo);
        await Host.RegisterTarget(new { name = "Kazuyuki Yamazaki", organization = "Permanent Mission of Japan to the United Nations", country = "Japan", tags = new[] { "unsc" } });
        await Host.RegisterTarget(new { name = "Mission of Kenya", organization = "Permanent Mission of Kenya to the United Nations", country = "Kenya", tags = new[] { "UNSC", "africa" } });

        async Task<PageOf<TargetDetails>> List(string query) =>
            (await Scenario(x => x.Get.Url($"/api/targets{query}"))).ReadAsJson<PageOf<TargetDetails>>()!;

        (await List("?tag=unsc")).Items.Select(t => t.Name).ShouldBe(["Kazuyuki Yamazaki", "Mission of Kenya"]);
        (await List("?country=japan")).Items.Single().Name.ShouldBe("Kazuyuki Yamazaki");
        (await List("?q=permanent%20mission")).Total.ShouldBe(2);
        (await List("?q=STATE.GOV")).Items.Single().Name.ShouldBe("Mike Pompeo");

        var second = await List("?page=2&pageSize=2");
        (second.Total, second.Page, second.PageSize).ShouldBe((3, 2, 2));
        second.Items.Single().Name.ShouldBe("Mission of Kenya");

        await Scenario(x =>
        {
            x.Get.Url("/api/targets?pageSize=1000");
            x.StatusCodeShouldBe(400);
        });
    }

    [Fact]
    public async Task correcting_details_records_what_changed_and_the_view_follows()
    {
        var id = await Host.RegisterTarget(Pompeo);
        Fixture.Clock.Advance(TimeSpan.FromDays(1));

        await Scenario(x =>
        {
            x.Post.Json(new { name = "Antony Blinken", title = "Secretary of State", organization = "U.S. Department of State",
                email = "secretary@state.gov", address = "2201 C St NW, Washington, DC 20520", country = "United States",
                tags = new[] { "executive", "us" } }).ToUrl($"/api/targets/{id}/details");
            x.StatusCodeShouldBe(204);
        });

        await using var session = Store.LightweightSession();
        var corrected = (await session.Events.FetchStreamAsync(id)).Last().Data.ShouldBeOfType<TargetDetailsCorrected>();
        corrected.Changed.ShouldBe(["name"]);
        var details = await session.LoadAsync<TargetDetails>(id);
        details!.Name.ShouldBe("Antony Blinken");
        details.LastChangedAt.ShouldBe(Fixture.Clock.GetUtcNow());
    }

    [Fact]
    public async Task correcting_an_unknown_target_is_a_404_and_a_bad_correction_a_400()
    {
        await Scenario(x =>
        {
            x.Post.Json(new { name = "Anyone" }).ToUrl($"/api/targets/{Guid.NewGuid()}/details");
            x.StatusCodeShouldBe(404);
        });

        var id = await Host.RegisterTarget(Pompeo);
        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "", email = "bad" }).ToUrl($"/api/targets/{id}/details");
            x.StatusCodeShouldBe(400);
        });
        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["name", "email"], ignoreOrder: true);
    }
}
