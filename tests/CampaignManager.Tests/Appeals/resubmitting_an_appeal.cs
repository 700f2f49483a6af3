using CampaignManager.Appeals;
using CampaignManager.Tests.Targets;
using Wolverine.Tracking;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Appeals;

/// <summary>A browser retrying a slow POST, or a double click: the idempotency key makes the second request harmless.</summary>
[Collection(AppealsCollection.Name)]
public class resubmitting_an_appeal(AppealsFixture fixture, ITestOutputHelper output) : IntegrationContext(fixture)
{
    private const int AtOnce = 10;
    private SmtpServerFixture Smtp => fixture.Smtp;

    [Fact]
    public async Task a_resubmission_with_the_same_key_answers_with_the_first_appeal_and_emails_nobody_twice()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, chinaEmail) = await Host.TargetAsync("China");
        var (france, franceEmail) = await Host.TargetAsync("France");
        var body = new { targetIds = new[] { china, france }, channel = "email", coverMessage = "Please read." };
        var key = $"send-{Guid.NewGuid():N}";

        var (first, _) = await Host.SendTrackedAsync(letter, body, key);
        // the same request again, the targets in another order, and the key as a field instead of the header
        (await Host.SendTrackedAsync(letter, body, key)).AppealId.ShouldBe(first);
        (await Host.SendTrackedAsync(letter, new { targetIds = new[] { france, china, france }, channel = "email", coverMessage = "Please read. ",
            idempotencyKey = key })).AppealId.ShouldBe(first);

        (await Host.GetAsJson<List<AppealSummary>>($"/api/letters/{letter}/appeals"))!.ShouldHaveSingleItem().Id.ShouldBe(first);
        (await Host.AppealAsync(first)).Counts.Sent.ShouldBe(2);
        Smtp.MessagesTo(chinaEmail).Count.ShouldBe(1);
        Smtp.MessagesTo(franceEmail).Count.ShouldBe(1);
    }

    [Fact]
    public async Task a_key_reused_for_a_different_appeal_is_refused_and_sends_nothing_more()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, _) = await Host.TargetAsync("China");
        var (peru, peruEmail) = await Host.TargetAsync("Peru");
        var key = $"send-{Guid.NewGuid():N}";
        var (first, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { china }, channel = "email" }, key);

        var refused = await Host.Scenario(x =>
        {
            x.Post.Json(new { targetIds = new[] { peru }, channel = "email" }).ToUrl($"/api/letters/{letter}/appeals");
            x.WithRequestHeader(AppealRequestKey.Header, key);
            x.StatusCodeShouldBe(422);
        });
        refused.ReadAsJson<ValidationProblem>()!.Detail.ShouldNotBeNull().ShouldContain(first.ToString());
        var mismatched = await Host.Scenario(x =>
        {
            x.Post.Json(new { targetIds = new[] { china }, channel = "email", idempotencyKey = "another" }).ToUrl($"/api/letters/{letter}/appeals");
            x.WithRequestHeader(AppealRequestKey.Header, key);
            x.StatusCodeShouldBe(400);
        });
        mismatched.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["idempotencyKey"]);

        (await Host.GetAsJson<List<AppealSummary>>($"/api/letters/{letter}/appeals"))!.ShouldHaveSingleItem();
        Smtp.MessagesTo(peruEmail).ShouldBeEmpty();
    }

    [Fact]
    public async Task ten_identical_requests_at_once_make_one_appeal_and_email_each_recipient_once()
    {
        var letter = await Host.FinalLetterAsync();
        var targets = new List<(Guid Id, string Email)>();
        for (var i = 0; i < 3; i++) targets.Add(await Host.TargetAsync($"Mission {i}"));
        var body = new { targetIds = targets.Select(t => t.Id).ToArray(), channel = "email" };
        var key = $"send-{Guid.NewGuid():N}";

        var answers = new List<(int Status, Guid? Id)>();
        await Host.TrackActivity().Timeout(AppealApi.FanOutPatience).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
        {
            var start = new TaskCompletionSource();
            var calls = Enumerable.Range(0, AtOnce).Select(async _ =>
            {
                await start.Task;
                var result = await Host.Scenario(x =>
                {
                    x.Post.Json(body).ToUrl($"/api/letters/{letter}/appeals");
                    x.WithRequestHeader(AppealRequestKey.Header, key);
                    x.IgnoreStatusCode();
                });
                var status = result.Context.Response.StatusCode;
                return (status, status == 201 ? result.ReadAsJson<IdBody>()!.Id : (Guid?)null);
            }).ToList();
            start.SetResult();
            answers.AddRange(await Task.WhenAll(calls));
        }));

        output.WriteLine(string.Join(", ", answers.CountBy(a => a.Status).Select(p => $"{p.Key}: {p.Value}")));
        // one sends; the others wait for it on the key and answer with its appeal
        answers.Select(a => a.Status).ShouldAllBe(s => s == 201);
        var appealId = answers.Select(a => a.Id).Distinct().ShouldHaveSingleItem()!.Value;
        (await Host.GetAsJson<List<AppealSummary>>($"/api/letters/{letter}/appeals"))!.ShouldHaveSingleItem().Id.ShouldBe(appealId);
        (await Host.SendTrackedAsync(letter, body, key)).AppealId.ShouldBe(appealId, "a resubmission after the race gets the winner");
        (await Host.AppealAsync(appealId)).Counts.Sent.ShouldBe(targets.Count);
        foreach (var (_, email) in targets) Smtp.MessagesTo(email).Count.ShouldBe(1, $"messages received for {email}");
    }
}
