using CampaignManager.Tests.Appeals;
using CampaignManager.Appeals;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Hosting;

[CollectionDefinition(Name)]
public class DeadlinesCollection
{
    public const string Name = "deadlines-restarts";
}

/// <summary>
/// The app is stopped, the fake clock moved past a reminder, a response date and a deadline, and the app started again
/// over the same database: what was due happens once, with nothing left for the stopped app to have done.
/// </summary>
[Collection(DeadlinesCollection.Name)]
public class deadlines_acting_across_restarts : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly SmtpServerFixture _smtp = new();
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly string _staff = $"coordinator-{Guid.NewGuid():N}@team.example";
    private string _database = "";
    private IAlbaHost? _host;

    public async Task InitializeAsync()
    {
        await _smtp.InitializeAsync();
        _database = await TestDatabase.CreateDatabaseAsync("cmdeadlines");
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task a_stopped_app_restarted_after_the_clock_moved_sends_the_reminder_raises_the_follow_up_and_closes_the_letter()
    {
        var host = await StartAsync();
        var contact = $"campaigns-{Guid.NewGuid():N}@ngo.example";
        var deadline = Start.AddDays(3);
        var letter = await host.DraftAsync();
        await host.Scenario(x => x.Post.Json(new { deadline, remindDaysBefore = new[] { 1 }, remindAudience = "coalition" })
            .ToUrl($"/api/letters/{letter}/open"));
        await host.SignAsync(letter, LetterApi.Organization("Human Rights Watch", contact));
        await host.SignAsync(letter, LetterApi.Individual("Jane Doe", "Professor", "Columbia University", email: $"jane-{Guid.NewGuid():N}@uni.example"));
        var page = await host.GetAsText($"/letters/{letter}");
        page.ShouldContain("Closes by itself");
        page.ShouldContain("1 day before");

        var final = await host.FinalLetterAsync();
        var (target, targetEmail) = await host.TargetAsync("Norway");
        var (appeal, _) = await host.SendTrackedAsync(final, new { targetIds = new[] { target }, channel = "email", responseDueBy = Start.AddDays(1) });
        _smtp.MessagesTo(targetEmail).Count.ShouldBe(1);

        // stopped before anything was due; the reminder (a day before the deadline) and the response date pass while it is down
        await StopAsync();
        _clock.Advance(TimeSpan.FromDays(2) + TimeSpan.FromHours(1));
        host = await StartAsync();

        var reminders = await Eventually.UntilAsync(() => Task.FromResult(_smtp.MessagesTo(contact)), m => m.Count >= 1, Patience,
            "the coalition's reminder");
        reminders.Single().Message.Subject!.ShouldContain("closes for signatures");
        var followUps = await Eventually.UntilAsync(() => host.GetAsJson<List<OpenFollowUp>>("/api/follow-ups")!, f => f!.Count == 1,
            Patience, "the follow-up for Norway");
        followUps!.Single().ShouldSatisfyAllConditions(f => f.AppealId.ShouldBe(appeal), f => f.TargetId.ShouldBe(target));
        var digest = await Eventually.UntilAsync(() => Task.FromResult(_smtp.MessagesTo(_staff)), m => m.Count >= 1, Patience, "the staff digest");
        digest.Single().Message.Subject.ShouldBe("Follow-ups due on 2026-01-07: 1");
        digest.Single().Message.TextBody!.ShouldContain("Norway");

        // asked again for the same day (another node, a sweep, the chained job): still the one digest, and one reminder
        await host.InvokeMessageAndWaitAsync(new SendFollowUpDigest(new DateOnly(2026, 1, 7)));
        await host.InvokeMessageAndWaitAsync(new SendDeadlineReminder(letter, deadline, 1));
        _smtp.MessagesTo(_staff).Count.ShouldBe(1);
        _smtp.MessagesTo(contact).Count.ShouldBe(1);
        (await host.LetterAsync(letter)).Status.ShouldBe(LetterStatus.Open);
        (await host.GetAsText("/")).ShouldContain("Follow-ups due");

        await StopAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        host = await StartAsync();

        await Eventually.UntilAsync(() => host.LetterAsync(letter), l => l.Status == LetterStatus.Closed, Patience, "the letter to close at its deadline");
        await using var session = host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var events = await session.Events.FetchStreamAsync(letter);
        var closed = events.Select(e => e.Data).OfType<SignaturesClosed>().Single();
        closed.By.ShouldBe("deadline");
        closed.At.ShouldBe(_clock.GetUtcNow());
        events.Select(e => e.Data).OfType<DeadlineReminderSent>().Single().SentTo.ShouldBe([contact]);
        await host.SignAsync(letter, LetterApi.Organization("Latecomers"), expected: 409);
    }

    private async Task<IAlbaHost> StartAsync()
    {
        _host = await AppFixture.StartHostAsync(_database, _clock, builder =>
        {
            foreach (var (key, value) in AppealsFixture.SettingsFor(_smtp)) builder.UseSetting(key, value);
            builder.UseSetting("Deadlines:SweepInterval", "00:00:01");
            builder.UseSetting("Deadlines:StaffEmails:0", _staff);
            // Polly's delays on real time, as in AppealsFixture: the fake clock stands still between the test's moves
            builder.ConfigureServices(services => services.AddSingleton(sp => new EmailSender(
                sp.GetRequiredService<IOptions<SmtpSettings>>(), TimeProvider.System, sp.GetRequiredService<ILogger<EmailSender>>())));
        });
        return _host;
    }

    private async Task StopAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        await _host.DisposeAsync();
        _host = null;
    }
}
