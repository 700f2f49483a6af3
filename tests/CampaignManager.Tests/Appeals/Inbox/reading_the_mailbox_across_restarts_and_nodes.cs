using MimeKit;
using CampaignManager.Appeals.Inbox;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CampaignManager.Tests.Appeals.Inbox;

/// <summary>Each test has a mailbox and a database of its own, and starts and stops app hosts over them.</summary>
public class reading_the_mailbox_across_restarts_and_nodes : IAsyncLifetime
{
    private readonly ImapServerFixture _imap = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly List<IAlbaHost> _hosts = [];
    private string _database = "";

    public async Task InitializeAsync()
    {
        await _imap.InitializeAsync();
        _database = await TestDatabase.CreateDatabaseAsync("inbox");
    }

    public async Task DisposeAsync()
    {
        try
        {
            foreach (var host in _hosts.ToList()) await StopAsync(host);
        }
        finally
        {
            await _imap.DisposeAsync();
        }
    }

    private async Task<IAlbaHost> StartAsync(bool useIdle = true)
    {
        var host = await AppFixture.StartHostAsync(_database, _clock, b =>
        {
            foreach (var (key, value) in _imap.Settings(useIdle)) b.UseSetting(key, value);
        });
        _hosts.Add(host);
        return host;
    }

    private async Task StopAsync(IAlbaHost host)
    {
        if (!_hosts.Remove(host)) return;
        await host.StopAsync();
        await host.DisposeAsync();
    }

    private static MimeMessage Letter(string subject)
    {
        var message = new MimeMessage { Subject = subject, MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("elsewhere.example") };
        message.From.Add(MailboxAddress.Parse($"someone-{Guid.NewGuid():N}@elsewhere.example"));
        message.Body = new TextPart("plain") { Text = $"About {subject}." };
        return message;
    }

    private static Task<List<InboundMailView>> UnassignedUntilAsync(IAlbaHost host, int count) =>
        Eventually.UntilAsync(host.UnassignedAsync, l => l.Count(m => m.Kind != "received") >= count, InboxApi.Patience, $"{count} messages kept");

    private static InboxReaderState Reader(IAlbaHost host) => host.Services.GetRequiredService<InboxReaderState>();

    [Fact]
    public async Task after_a_restart_the_reader_resumes_after_the_last_uid_and_reprocesses_nothing_idling_or_polling()
    {
        await _imap.AppendAsync(Letter("one"));
        await _imap.AppendAsync(Letter("two"));
        var first = await StartAsync();
        (await UnassignedUntilAsync(first, 2)).Select(m => m.Subject).ShouldBe(["one", "two"]);
        Reader(first).Fetched.ShouldBe(2);
        await StopAsync(first);

        await _imap.AppendAsync(Letter("three"));
        // this time without IDLE: the reader polls
        var second = await StartAsync(useIdle: false);

        (await UnassignedUntilAsync(second, 3)).Select(m => m.Subject).ShouldBe(["one", "two", "three"]);
        Reader(second).Fetched.ShouldBe(1);
        await _imap.AppendAsync(Letter("four"));
        (await UnassignedUntilAsync(second, 4)).Select(m => m.Subject).ShouldBe(["one", "two", "three", "four"]);
        Reader(second).Fetched.ShouldBe(2);
        await using var session = second.Services.GetRequiredService<IDocumentStore>().QuerySession();
        (await session.Query<InboxCursor>().SingleAsync()).LastUid.ShouldBe(4);
        (await session.Query<InboundMail>().CountAsync()).ShouldBe(4);
    }

    [Fact]
    public async Task two_nodes_read_the_mailbox_one_at_a_time_and_each_message_is_processed_once()
    {
        var a = await StartAsync();
        var b = await StartAsync();
        await Eventually.UntilAsync(() => Reader(a).Reading || Reader(b).Reading, InboxApi.Patience, "one node reading");
        var (reading, standby) = Reader(a).Reading ? (a, b) : (b, a);
        Reader(standby).Reading.ShouldBeFalse();

        foreach (var subject in new[] { "one", "two", "three" }) await _imap.AppendAsync(Letter(subject));

        (await UnassignedUntilAsync(standby, 3)).Select(m => m.Subject).ShouldBe(["one", "two", "three"]);
        (Reader(reading).Fetched, Reader(standby).Fetched, Reader(standby).Reading).ShouldBe((3, 0, false));

        // the reading node goes away: its lock goes with its connection, and the other takes over from the cursor
        await StopAsync(reading);
        await _imap.AppendAsync(Letter("four"));
        (await UnassignedUntilAsync(standby, 4)).Select(m => m.Subject).ShouldBe(["one", "two", "three", "four"]);
        Reader(standby).Fetched.ShouldBe(1);
        Reader(standby).Reading.ShouldBeTrue();
    }
}
