using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// Names staff pick things by must mean one thing. Checked by a read before the write, two requests at the same
/// instant could both pass; these send many at once and expect PostgreSQL to let exactly one through.
/// </summary>
[Collection(HardeningCollection.Name)]
public class claiming_a_name_at_the_same_time(HardeningFixture fixture) : IntegrationContext(fixture)
{
    private const int AtOnce = 12;

    [Fact]
    public async Task the_same_organization_name_registered_at_once_is_created_once_and_refused_with_409_for_the_rest()
    {
        // spellings that normalize to one name: case, punctuation and spacing do not make a second organization
        var spellings = new[] { "Human Rights Watch", "human rights watch", "Human Rights Watch.", "HUMAN  RIGHTS WATCH" };
        var codes = await AllAtOnce(i => ("/api/organizations", new { name = spellings[i % spellings.Length] }));
        Tally(codes).ShouldBe("201: 1, 409: 11");
    }

    [Fact]
    public async Task an_alias_and_another_organizations_name_claimed_at_once_cannot_both_win()
    {
        var hrnk = (await Host.PostJson("/api/organizations", new { name = "Committee for Human Rights in North Korea" }, 201)).Id;
        var codes = await AllAtOnce(i => i % 2 == 0
            ? ($"/api/organizations/{hrnk}/aliases", new { alias = "HRNK" })
            : ("/api/organizations", (object)new { name = "H.R.N.K." }));
        codes.Count(c => c is 200 or 201).ShouldBe(1, Tally(codes));
        codes.Count(c => c == 409).ShouldBe(AtOnce - 1, Tally(codes));
    }

    [Fact]
    public async Task the_same_target_list_name_created_at_once_is_created_once_and_refused_with_409_for_the_rest()
    {
        var codes = await AllAtOnce(i => ("/api/target-lists", new { name = i % 2 == 0 ? "UN missions" : "un MISSIONS " }));
        Tally(codes).ShouldBe("201: 1, 409: 11");
    }

    [Fact]
    public async Task names_written_before_keys_existed_are_claimed_when_the_app_starts()
    {
        // as an earlier version wrote them: the events and snapshots, no key documents
        await using (var session = Store.LightweightSession())
        {
            var (org, list) = (Guid.NewGuid(), Guid.NewGuid());
            session.Events.StartStream<CampaignManager.Organizations.Organization>(org,
                new CampaignManager.Organizations.OrganizationRegistered(org, "Freedom House", ["FH"], "earlier", DateTimeOffset.UnixEpoch));
            session.Events.StartStream<CampaignManager.Targets.TargetList>(list,
                new CampaignManager.Targets.TargetListCreated(list, "Security Council", null, "earlier", DateTimeOffset.UnixEpoch));
            await session.SaveChangesAsync();
        }

        foreach (var startUp in Host.Services.GetServices<Marten.Schema.IInitialData>()) await startUp.Populate(Store, CancellationToken.None);

        await using var query = Store.QuerySession();
        (await query.Query<CampaignManager.Hosting.UniqueName>().Select(k => k.Id).ToListAsync())
            .ShouldBe(["organization|freedom house", "organization|fh", "target-list|SECURITY COUNCIL"], ignoreOrder: true);
        Tally(await AllAtOnce(i => ("/api/organizations", new { name = "FH" }))).ShouldBe("409: 12");
    }

    private async Task<List<int>> AllAtOnce(Func<int, (string Url, object Body)> request)
    {
        var start = new TaskCompletionSource();
        var calls = Enumerable.Range(0, AtOnce).Select(async i =>
        {
            var (url, body) = request(i);
            await start.Task;
            var result = await Host.Scenario(x =>
            {
                x.Post.Json(body).ToUrl(url);
                x.IgnoreStatusCode();
            });
            return result.Context.Response.StatusCode;
        }).ToList();
        start.SetResult();
        return (await Task.WhenAll(calls)).ToList();
    }

    private static string Tally(IEnumerable<int> codes) =>
        string.Join(", ", codes.CountBy(c => c).OrderBy(p => p.Key).Select(p => $"{p.Key}: {p.Value}"));
}

internal static class NameRequests
{
    public static async Task<IdBody> PostJson(this IAlbaHost host, string url, object body, int expected) =>
        (await host.Scenario(x =>
        {
            x.Post.Json(body).ToUrl(url);
            x.StatusCodeShouldBe(expected);
        })).ReadAsJson<IdBody>()!;
}
