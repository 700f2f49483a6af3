using System.Diagnostics;
using CampaignManager.Appeals;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Tests.Appeals;
using Xunit.Abstractions;
using static CampaignManager.Tests.Hosting.ClusterTables;

namespace CampaignManager.Tests.Hosting;

/// <summary>Three app processes over one database; its own collection, so it runs beside the rest.</summary>
[CollectionDefinition(Name)]
public class ClusterCollection
{
    public const string Name = "cluster";
}

[Collection(ClusterCollection.Name)]
public class three_nodes_survive_losing_one_mid_run(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 193;
    private readonly Cluster _cluster = new(output);

    public Task InitializeAsync() => _cluster.InitializeAsync();
    public Task DisposeAsync() => _cluster.DisposeAsync();

    [Fact]
    public async Task acknowledged_signatures_deliveries_and_projections_carry_on_and_the_dead_nodes_agents_move()
    {
        var (nodes, tables) = await _cluster.StartAsync(3);
        // Lose the node running the async projection (the first node takes every agent and keeps them: usually the
        // leader too), and send the appeal through it so its queued deliveries are orphaned with it.
        var before = await Eventually.UntilAsync(tables.AssignmentsAsync, a => a.Any(x => x.Agent.StartsWith(ProjectionAgentPrefix)),
            TimeSpan.FromSeconds(60), "the projection agent to be assigned");
        var victim = _cluster.IndexOf(before.First(a => a.Agent.StartsWith(ProjectionAgentPrefix)).NodeId);
        var survivors = Enumerable.Range(0, nodes.Count).Where(i => i != victim).ToList();
        var victimNode = _cluster.Registered[victim];
        output.WriteLine($"victim: node {victim} (#{victimNode.Number})");
        var http = nodes[survivors[0]];

        var preparing = Stopwatch.StartNew();
        var (appealLetter, targetList, emails) = await ClusterApi.PrepareAppealAsync(http, Recipients);
        output.WriteLine($"{Recipients} targets registered in {preparing.Elapsed.TotalSeconds:0.0}s");
        var letters = new List<Guid>();
        for (var i = 0; i < 3; i++) letters.Add(await ClusterApi.OpenLetterAsync(nodes[survivors[i % 2]], $"Coalition letter {i + 1}"));
        // shuffled, with a fixed seed so a failing order can be replayed
        var order = new Random(193);
        var signOns = letters.SelectMany(l => Enumerable.Range(1, 60).Select(o => (l, $"Coalition Member {o:00}")))
            .OrderBy(_ => order.Next()).ToList();
        var traffic = new SignOnTraffic(nodes);

        var appeal = await ClusterApi.PostForIdAsync(nodes[victim], $"/api/letters/{appealLetter}/appeals",
            new { targetListIds = new[] { targetList }, channel = "email" });
        // Sign-ons start once the fan-out has, and the kill waits for some of both: it lands in the middle of each.
        await Eventually.UntilAsync(() => Task.FromResult(_cluster.Smtp.MessageCount()), n => n >= 1, TimeSpan.FromSeconds(60),
            "the fan-out to start", TimeSpan.FromMilliseconds(10));
        var duringKill = traffic.RunAsync(signOns.Take(120), clients: 6);
        await Eventually.UntilAsync(() => Task.FromResult((_cluster.Smtp.MessageCount(), traffic.Acknowledgements.Count)),
            n => n.Item1 >= 10 && n.Item2 >= 30, TimeSpan.FromSeconds(60), "the fan-out and the sign-ons to be under way",
            TimeSpan.FromMilliseconds(10));
        var projectionAtKill = await tables.ProjectionProgressAsync();
        var heldAtKill = (await tables.AssignmentsAsync()).Where(a => a.NodeId == victimNode.Id).Select(a => a.Agent).ToList();
        _cluster.Kill(victim);
        traffic.Live[victim] = false;
        var watch = new FailoverWatch(tables, victimNode, survivors.Select(i => _cluster.Registered[i].Id).ToHashSet(),
            deadWasLeader: heldAtKill.Contains(LeaderAgent));
        output.WriteLine($"the victim held at the kill: {string.Join(", ", heldAtKill)}");
        heldAtKill.ShouldContain(a => a.StartsWith(ProjectionAgentPrefix), "the victim must take an agent down with it");
        var receivedBeforeKill = _cluster.Smtp.Messages().SelectMany(m => m.Recipients).ToHashSet(StringComparer.OrdinalIgnoreCase);
        output.WriteLine($"killed with {receivedBeforeKill.Count}/{Recipients} emails received, {traffic.Acknowledgements.Count} sign-ons acknowledged");
        receivedBeforeKill.Count.ShouldBeLessThan(Recipients, "the kill must land in the middle of the fan-out");
        await duringKill;
        var afterKill = traffic.RunAsync(signOns.Skip(120), clients: 6);

        var moved = await watch.UntilTakenOverAsync(TimeSpan.FromSeconds(60));
        output.WriteLine(watch.ToString());
        output.WriteLine($"agents now: {string.Join(", ", moved.Select(a => $"{a.Agent} on #{_cluster.Registered[_cluster.IndexOf(a.NodeId)].Number}"))}");
        await afterKill;
        var settled = await Eventually.UntilAsync(() => http.GetFromJsonAsync<AppealDetails>($"/api/appeals/{appeal}", AppProcess.Json)!,
            a => a!.Counts.Queued == 0, TimeSpan.FromSeconds(90), "every recipient to be sent, uncertain or failed");
        output.WriteLine($"appeal settled {watch.Elapsed.TotalSeconds:0.0}s after the kill");
        moved.ShouldNotContain(a => a.NodeId == victimNode.Id);

        // Every acknowledged sign-on is on its letter, once; none was refused or left without an answer.
        output.WriteLine($"sign-ons: {traffic.Acknowledgements.Count} acknowledged, {traffic.ConnectionFailures} connection failures retried, refused: {string.Join("; ", traffic.Refusals)}");
        traffic.Refusals.ShouldBeEmpty();
        foreach (var letter in letters)
        {
            var view = (await http.GetFromJsonAsync<LetterDetails>($"/api/letters/{letter}", AppProcess.Json))!;
            var acknowledged = traffic.Acknowledgements.Where(a => a.LetterId == letter).Select(a => a.SignatureId).ToHashSet();
            view.Signatories.Select(s => s.Id).ShouldBe(acknowledged, ignoreOrder: true);
            view.Signatories.Count.ShouldBe(60, "each of the 60 organizations signed each letter once");
        }

        // Every recipient ended sent, or uncertain: the victim was handing its email to the relay at the kill, so it
        // may or may not have arrived, and it waits for staff rather than being sent again. Nobody got two emails.
        (settled!.Counts.Sent + settled.Counts.Uncertain + settled.Counts.Failed).ShouldBe(Recipients);
        settled.Counts.Failed.ShouldBe(0, "the relay refused no one");
        var perRecipient = emails.ToDictionary(e => e, e => _cluster.Smtp.MessagesTo(e).Count);
        var uncertain = settled.Recipients.Where(r => r.Status == CampaignManager.Appeals.RecipientStatus.Uncertain).Select(r => r.Email!).ToHashSet();
        output.WriteLine($"emails: {perRecipient.Values.Sum()} for {Recipients} recipients, {uncertain.Count} uncertain");
        perRecipient.Values.ShouldAllBe(n => n <= 1, "no email is sent twice");
        perRecipient.Where(p => !uncertain.Contains(p.Key)).ShouldAllBe(p => p.Value == 1);
        uncertain.Count.ShouldBeLessThanOrEqualTo(CampaignManager.Hosting.Email.EmailSender.Parallelism);

        // The projection ran on past the kill on a survivor, caught up with every event, and shows each signature.
        var caughtUp = await Eventually.UntilAsync(tables.ProjectionProgressAsync, p => p.Projection >= p.Events, TimeSpan.FromSeconds(60),
            "the coalition projection to catch up on the survivors");
        output.WriteLine($"projection: at seq {projectionAtKill.Projection}/{projectionAtKill.Events} at the kill, {caughtUp.Projection}/{caughtUp.Events} after");
        caughtUp.Projection.ShouldBeGreaterThan(projectionAtKill.Events);
        var organizations = (await http.GetFromJsonAsync<List<OrganizationSummary>>("/api/organizations", AppProcess.Json))!;
        organizations.Where(o => o.Organization.Name.StartsWith("Coalition Member")).ShouldAllBe(o => o.LettersSignedAsOrganization == 3);
        organizations.Count(o => o.Organization.Name.StartsWith("Coalition Member")).ShouldBe(60);

        // ...and is exactly what one process builds from the same events alone.
        var live = await tables.CoalitionDocumentsAsync();
        _cluster.StopAll();
        var rebuilt = await CoalitionRebuild.RebuildAsync(_cluster.ConnectionString);
        live.ShouldNotBeEmpty();
        rebuilt.ShouldBe(live, "the live coalition documents differ from a rebuild");
    }
}
