using CampaignManager.Coalitions;
using CampaignManager.Tests.Campaigns;
using Marten.Events;
using Microsoft.Extensions.Hosting;
using Wolverine.Marten;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Coalitions;

[Collection(CoalitionsCollection.Name)]
public class rebuilding_the_views(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<string> ViewsAsync(Guid campaign, params Guid[] organizations)
    {
        var urls = organizations.Select(o => $"/api/organizations/{o}").Concat(
        [
            "/api/organizations", "/api/coalitions/matrix", $"/api/campaigns/{campaign}/coalition", $"/api/campaigns/{campaign}",
            "/api/campaigns"
        ]);
        var bodies = new List<string>();
        foreach (var url in urls)
        {
            var result = await Host.Scenario(x => { x.Get.Url(url); x.IgnoreStatusCode(); });
            bodies.Add($"{result.Context.Response.StatusCode} {await result.ReadAsTextAsync()}");
        }
        return string.Join("\n", bodies);
    }

    [Fact]
    public async Task rebuilding_the_projections_from_the_events_gives_views_identical_to_the_live_ones()
    {
        var hrnk = (await Host.PostAsync("/api/organizations", new { name = "Committee for Human Rights in North Korea", aliases = new[] { "HRNK" } }, 201))
            .ReadAsJson<Created>()!.Id;
        var campaign = await Host.LaunchAsync();
        foreach (var signers in new[] { new[] { "HRNK", "Human Rights Watch" }, ["Human Rights Watch", "Freedom House", "Human Rights First"] })
        {
            var letter = await Host.OpenDraftAsync();
            await Host.AttachAsync(campaign, letter);
            foreach (var name in signers) await Host.SignAsync(letter, Organization(name));
            await Host.SignAsync(letter, Individual("A. Researcher", "Fellow", "Committee for Human Rights in North Korea"));
            Fixture.Clock.Advance(TimeSpan.FromDays(1));
        }
        await Host.PostAsync($"/api/organizations/{hrnk}/aliases", new { alias = "Human Rights Committee NK" }, 200);
        // a withdrawal, and a merge that re-attributes signatures made under the duplicate's name
        var last = await Host.OpenDraftAsync();
        await Host.AttachAsync(campaign, last);
        var withdrawn = await Host.SignAsync(last, Organization("Freedom House"));
        await Host.SignAsync(last, Organization("HRW"));
        await Host.PostAsync($"/api/letters/{last}/signatures/{withdrawn.Id}/withdraw", new { reason = "board decision" }, 200);
        var hrw = (await Host.PostAsync("/api/organizations", new { name = "Human Rights Watch" }, 201)).ReadAsJson<Created>()!.Id;
        var duplicate = (await Host.PostAsync("/api/organizations", new { name = "HRW" }, 201)).ReadAsJson<Created>()!.Id;
        await Host.PostAsync($"/api/organizations/{hrw}/merge", new { duplicateId = duplicate }, 200);

        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndDoNothing);
        var live = await ViewsAsync(campaign, hrnk, hrw, duplicate);
        live.ShouldContain("Freedom House");
        live.ShouldContain(hrw.ToString());

        // the daemon stays paused, so the rebuild is the only writer of the projection's progress
        await using (var session = Store.LightweightSession())
        {
            session.DeleteWhere<CoalitionSignature>(_ => true);
            session.DeleteWhere<CoalitionLetter>(_ => true);
            await session.SaveChangesAsync();
        }
        (await ViewsAsync(campaign, hrnk, hrw, duplicate)).ShouldNotBe(live);
        using (var daemon = await Store.BuildProjectionDaemonAsync())
        {
            await daemon.RebuildProjectionAsync<CoalitionSignatureProjection>(CancellationToken.None);
            await daemon.RebuildProjectionAsync<CoalitionLetterProjection>(CancellationToken.None);
        }

        (await ViewsAsync(campaign, hrnk, hrw, duplicate)).ShouldBe(live);
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync(); // resume for the next test
    }
}
