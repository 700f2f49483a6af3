using System.Diagnostics;
using CampaignManager.Appeals;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Appeals;

[Collection(AppealsCollection.Name)]
public class riding_out_a_relay_outage(AppealsFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task<AttemptList> Attempts(Guid appealId) =>
        new((await Host.AppealAsync(appealId)).Recipients.Select(r => (r.Status, r.Attempts)).ToList());

    private sealed record AttemptList(List<(RecipientStatus Status, int Attempts)> Items) : IEnumerable<(RecipientStatus Status, int Attempts)>
    {
        public IEnumerator<(RecipientStatus Status, int Attempts)> GetEnumerator() => Items.GetEnumerator();
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        public override string ToString() => string.Join(", ", Items.Select(i => $"{i.Status}/{i.Attempts}"));
    }

    [Fact]
    public async Task recipients_queued_while_the_relay_is_down_are_each_delivered_exactly_once_when_it_returns()
    {
        var letter = await Host.FinalLetterAsync();
        var targets = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 8; i++) targets.Add(await Host.TargetAsync($"Mission {i}"));

        await Smtp.StopAsync();
        var down = Stopwatch.StartNew();
        try
        {
            var result = await Host.Scenario(x =>
            {
                x.Post.Json(new { targetIds = targets.Select(t => t.Id), channel = "email" }).ToUrl($"/api/letters/{letter}/appeals");
                x.StatusCodeShouldBe(201);
            });
            var appealId = result.ReadAsJson<CampaignManager.Tests.Targets.IdBody>()!.Id;

            // The outage is noticed and ridden out: every recipient is deferred (still queued, with the reason) and
            // stays so until the relay has been down for the whole outage.
            await Eventually.UntilAsync(() => Attempts(appealId),
                a => a.All(r => r.Status == RecipientStatus.Queued && r.Attempts >= 2) && down.Elapsed >= Outage,
                Outage + TimeSpan.FromSeconds(30), "every recipient deferred at least twice during the outage");
            (await Host.AppealAsync(appealId)).Recipients.ShouldAllBe(r => r.Reason != null && r.Status == RecipientStatus.Queued);

            await Smtp.StartAsync();
            var delivered = await Eventually.UntilAsync(() => Host.AppealAsync(appealId), a => a.Counts.Sent == targets.Count,
                TimeSpan.FromSeconds(60), "every recipient sent after the relay came back");

            output.WriteLine($"relay down for {down.Elapsed}; attempts per recipient: {string.Join(", ", delivered.Recipients.Select(r => r.Attempts))}");
            foreach (var (_, email) in targets) Smtp.MessagesTo(email).Count.ShouldBe(1, $"messages received for {email}");
        }
        finally
        {
            await Smtp.StartAsync();
        }
    }
}
