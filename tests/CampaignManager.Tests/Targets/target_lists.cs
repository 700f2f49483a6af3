using CampaignManager.Targets;

namespace CampaignManager.Tests.Targets;

[Collection(TargetsCollection.Name)]
public class target_lists(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<Guid> Target(string name) => Host.RegisterTarget(new { name, organization = $"Permanent Mission of {name}" });

    private async Task<TargetListDetails> Get(Guid listId) =>
        (await Scenario(x => x.Get.Url($"/api/target-lists/{listId}"))).ReadAsJson<TargetListDetails>()!;

    [Fact]
    public async Task a_list_created_with_targets_shows_its_members_by_name()
    {
        var (china, france) = (await Target("China"), await Target("France"));

        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "UN Security Council members 2019", description = "P5 and elected", targetIds = new[] { china, france } })
                .ToUrl("/api/target-lists");
            x.StatusCodeShouldBe(201);
        });
        var id = result.ReadAsJson<IdBody>()!.Id;
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/target-lists/{id}");

        var list = await Get(id);
        list.Name.ShouldBe("UN Security Council members 2019");
        list.Members.Select(m => m.Name).ShouldBe(["China", "France"]);
        list.Members[0].Organization.ShouldBe("Permanent Mission of China");

        await using var session = Store.LightweightSession();
        (await session.Events.FetchStreamAsync(id)).Select(e => e.Data.GetType()).ShouldBe([typeof(TargetListCreated), typeof(TargetsAddedToList)]);

        var all = (await Scenario(x => x.Get.Url("/api/target-lists"))).ReadAsJson<PageOf<TargetListSummary>>()!;
        all.Items.Single().MemberCount.ShouldBe(2);
    }

    [Fact]
    public async Task a_list_naming_unknown_targets_is_refused_with_the_unknown_ids_and_nothing_is_stored()
    {
        var known = await Target("China");
        var unknown = Guid.NewGuid();

        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "UNSC", targetIds = new[] { known, unknown } }).ToUrl("/api/target-lists");
            x.StatusCodeShouldBe(400);
        });

        var errors = result.ReadAsJson<ValidationProblem>()!.Errors!;
        errors["targetIds"].Single().ShouldContain(unknown.ToString());
        errors["targetIds"].Single().ShouldNotContain(known.ToString());
        await using var session = Store.QuerySession();
        (await session.Query<TargetList>().CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task a_list_without_a_name_is_refused()
    {
        var result = await Scenario(x =>
        {
            x.Post.Json(new { name = "", targetIds = Array.Empty<Guid>() }).ToUrl("/api/target-lists");
            x.StatusCodeShouldBe(400);
        });
        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["name"]);
    }

    [Fact]
    public async Task a_second_list_with_the_same_name_is_a_conflict()
    {
        await Host.CreateTargetList("UN member states");

        await Scenario(x =>
        {
            x.Post.Json(new { name = "  un MEMBER states " }).ToUrl("/api/target-lists");
            x.StatusCodeShouldBe(409);
            x.ContentTypeShouldBe("application/problem+json");
        });
        await using var session = Store.QuerySession();
        (await session.Query<TargetList>().CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task targets_can_be_added_once_and_removed()
    {
        var (china, france) = (await Target("China"), await Target("France"));
        var id = await Host.CreateTargetList("UNSC", china);

        await Scenario(x =>
        {
            x.Post.Json(new { targetIds = new[] { china, france } }).ToUrl($"/api/target-lists/{id}/members");
            x.StatusCodeShouldBe(204);
        });
        (await Get(id)).Members.Select(m => m.Id).ShouldBe([china, france]);

        await Scenario(x =>
        {
            x.Delete.Url($"/api/target-lists/{id}/members/{china}");
            x.StatusCodeShouldBe(204);
        });
        (await Get(id)).Members.Select(m => m.Id).ShouldBe([france]);

        await using var session = Store.LightweightSession();
        var events = await session.Events.FetchStreamAsync(id);
        events.Select(e => e.Data).OfType<TargetsAddedToList>().Last().TargetIds.ShouldBe([france]);
        events.Last().Data.ShouldBe(new TargetRemovedFromList(id, china, TestStaffAuthentication.DefaultUser, Fixture.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task unknown_lists_members_and_targets_answer_404_or_400()
    {
        var china = await Target("China");
        var id = await Host.CreateTargetList("UNSC");

        await Scenario(x => { x.Get.Url($"/api/target-lists/{Guid.NewGuid()}"); x.StatusCodeShouldBe(404); });
        await Scenario(x =>
        {
            x.Post.Json(new { targetIds = new[] { china } }).ToUrl($"/api/target-lists/{Guid.NewGuid()}/members");
            x.StatusCodeShouldBe(404);
        });
        await Scenario(x => { x.Delete.Url($"/api/target-lists/{id}/members/{china}"); x.StatusCodeShouldBe(404); });
        await Scenario(x =>
        {
            x.Post.Json(new { targetIds = new[] { Guid.NewGuid() } }).ToUrl($"/api/target-lists/{id}/members");
            x.StatusCodeShouldBe(400);
        });
        (await Get(id)).Members.ShouldBeEmpty();
    }
}
