using System.Diagnostics;
using System.Net.Http.Json;
using CampaignManager.Appeals;
using CampaignManager.Tests.Hosting;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// The built app as a separate process over its own database and SMTP server, killed with SIGKILL in the middle of
/// a 193-recipient fan-out and started again. Its own collection: it needs no shared host and runs in parallel.
/// </summary>
[CollectionDefinition(Name)]
public class CrashCollection
{
    public const string Name = "appeals-crash";
}

[Collection(CrashCollection.Name)]
public class surviving_a_crash_mid_fan_out(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Recipients = 193;
    private readonly SmtpServerFixture _smtp = new();
    private readonly List<AppProcess> _apps = [];

    public Task InitializeAsync() => _smtp.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task no_recipient_is_lost_and_none_is_sent_twice_except_a_send_completed_but_not_yet_recorded()
    {
        var database = await TestDatabase.CreateDatabaseAsync("cmcrash");
        var first = await StartAppAsync(database);
        using var http = first.Client();

        var letter = await FinalLetterAsync(http);
        var emails = Enumerable.Range(1, Recipients).Select(i => $"mission-{i:000}-{Guid.NewGuid():N}@un.example").ToList();
        var targets = new List<Guid>();
        foreach (var (email, i) in emails.Select((e, i) => (e, i)))
            targets.Add(await PostForIdAsync(http, "/api/targets", new { name = $"Mission {i + 1:000}", email }));
        var list = await PostForIdAsync(http, "/api/target-lists", new { name = "All missions", targetIds = targets });

        var appeal = await PostForIdAsync(http, $"/api/letters/{letter}/appeals", new { targetListIds = new[] { list }, channel = "email" });
        var atKill = await Eventually.UntilAsync(() => Task.FromResult(_smtp.MessageCount()), n => n >= 10,
            TimeSpan.FromSeconds(60), "some but not all emails received before the kill", TimeSpan.FromMilliseconds(10));
        first.Kill();
        var receivedBeforeKill = _smtp.Messages().SelectMany(m => m.Recipients).ToHashSet(StringComparer.OrdinalIgnoreCase);
        output.WriteLine($"killed the app with {receivedBeforeKill.Count} of {Recipients} emails received (first seen at {atKill})");
        receivedBeforeKill.Count.ShouldBeLessThan(Recipients, "the kill must land in the middle of the fan-out");

        var second = await StartAppAsync(database);
        using var again = second.Client();
        var done = await Eventually.UntilAsync(() => again.GetFromJsonAsync<AppealDetails>($"/api/appeals/{appeal}", AppProcess.Json)!,
            a => a!.Counts.Sent == Recipients, TimeSpan.FromSeconds(90), "all recipients recorded as sent after the restart");

        var perRecipient = emails.ToDictionary(e => e, e => _smtp.MessagesTo(e).Count);
        var duplicated = perRecipient.Where(p => p.Value > 1).Select(p => p.Key).ToList();
        output.WriteLine($"duplicates: {duplicated.Count} ({string.Join(", ", duplicated)})");
        perRecipient.Values.ShouldAllBe(n => n >= 1, "no recipient may be lost");
        // A duplicate can only be a send the relay accepted before the kill whose completion was not yet committed.
        duplicated.ShouldAllBe(e => receivedBeforeKill.Contains(e));
        duplicated.Count.ShouldBeLessThanOrEqualTo(Configuration.DeliveryParallelism);
        perRecipient.Values.Sum().ShouldBe(Recipients + duplicated.Count);
        done!.Recipients.ShouldAllBe(r => r.MessageId != null);
    }

    private async Task<AppProcess> StartAppAsync(string database)
    {
        var settings = AppealsFixture.SettingsFor(_smtp).Append(new("ConnectionStrings:Marten", database)).Append(new("Wolverine:Solo", "true"));
        var app = AppProcess.Start(settings);
        _apps.Add(app);
        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    private static async Task<Guid> FinalLetterAsync(HttpClient http)
    {
        var id = await PostForIdAsync(http, "/api/letters", new
        {
            title = "Reconsider the withdrawal", subject = "U.S. membership of the UN Human Rights Council",
            body = "We urge the United States to stay engaged.", closing = "Sincerely,"
        });
        (await http.PostAsJsonAsync($"/api/letters/{id}/open", new { })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{id}/signatures", new { kind = "organization", name = "Human Rights Watch" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{id}/close", new { })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/letters/{id}/finalize", new { })).EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<Guid> PostForIdAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Targets.IdBody>())!.Id;
    }
}
