using System.Diagnostics;
using CampaignManager.Appeals;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// The built app as a separate process over its own database and SMTP server, killed with SIGKILL in the middle of
/// a 193-recipient fan-out and started again: nothing is sent twice on its own, and an email cut off while with the relay is
/// left for staff as "uncertain" (SMTP cannot say whether it arrived). Its own collection: it needs no shared host and runs in parallel.
/// </summary>
[CollectionDefinition(Name)]
public class CrashCollection
{
    public const string Name = "appeals-crash";
}

[Collection(CrashCollection.Name)]
public class surviving_a_crash_mid_fan_out(ITestOutputHelper output) : RestartedApp
{
    private const int Recipients = 193;

    [Fact]
    public async Task no_recipient_is_lost_or_sent_twice_and_one_cut_off_at_the_relay_waits_for_staff_to_resend_it()
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

        // One recipient is sure to be caught in the window SMTP cannot close: the relay has its email, the app has not
        // yet had the final 250. Others may be too, wherever the kill finds them.
        var held = emails[24];
        Smtp.HoldReplyAfterAccepting(held);
        var appeal = await PostForIdAsync(http, $"/api/letters/{letter}/appeals", new { targetListIds = new[] { list }, channel = "email" });
        var atKill = await Eventually.UntilAsync(() => Task.FromResult(Smtp.MessagesTo(held).Count), n => n == 1,
            TimeSpan.FromSeconds(60), "the relay to have the held recipient's email", TimeSpan.FromMilliseconds(20));
        first.Kill();
        Smtp.ReleaseReplies();
        var receivedBeforeKill = Smtp.Messages().SelectMany(m => m.Recipients).ToHashSet(StringComparer.OrdinalIgnoreCase);
        output.WriteLine($"killed the app with {receivedBeforeKill.Count} of {Recipients} emails received");
        receivedBeforeKill.Count.ShouldBeLessThan(Recipients, "the kill must land in the middle of the fan-out");

        var second = await StartAppAsync(database);
        using var again = second.Client();
        var settled = await SettledAsync(again, appeal, "every recipient sent or uncertain after the restart");

        var uncertain = settled.Recipients.Where(r => r.Status == RecipientStatus.Uncertain).ToList();
        var arrivedAnyway = uncertain.Count(r => Smtp.MessagesTo(r.Email!).Count == 1);
        output.WriteLine($"uncertain: {uncertain.Count} ({arrivedAnyway} of them had reached the relay); " +
                         $"copies: {string.Join(", ", emails.Select(e => Smtp.MessagesTo(e).Count).CountBy(n => n).OrderBy(p => p.Key).Select(p => $"{p.Value}×{p.Key}"))}");
        settled.Counts.Failed.ShouldBe(0, "the relay refused no one");
        (settled.Counts.Sent + settled.Counts.Uncertain).ShouldBe(Recipients);
        emails.ShouldAllBe(e => Smtp.MessagesTo(e).Count <= 1, "no email may be sent twice automatically");
        settled.Recipients.Where(r => r.Status == RecipientStatus.Sent).ShouldAllBe(r => Smtp.MessagesTo(r.Email!).Count == 1);
        // only an attempt that was with the relay at the kill can be in doubt: at most one per parallel send
        uncertain.Count.ShouldBeLessThanOrEqualTo(CampaignManager.Hosting.Email.EmailSender.Parallelism);
        uncertain.ShouldAllBe(r => r.Reason!.Contains("may or may not have arrived") && r.MessageId != null);
        uncertain.ShouldContain(r => r.Email == held, "the recipient whose 250 never came back");

        // the appeal page puts them to staff, with the two ways out
        var page = await again.GetStringAsync($"/appeals/{appeal}");
        page.ShouldContain($"<strong data-count=\"uncertain\">{uncertain.Count}</strong>");
        foreach (var r in uncertain)
        {
            page.ShouldContain($"<tr data-target-id=\"{r.TargetId}\" data-status=\"uncertain\">");
            page.ShouldContain($"data-post=\"/api/appeals/{appeal}/recipients/{r.TargetId}/retry\"");
            page.ShouldContain($"data-post=\"/api/appeals/{appeal}/recipients/{r.TargetId}/delivered\"");
        }

        // staff decide to resend them: a deliberate second copy carries the first one's Message-ID
        foreach (var r in uncertain)
            (await again.PostAsJsonAsync($"/api/appeals/{appeal}/recipients/{r.TargetId}/retry", new { })).EnsureSuccessStatusCode();
        var done = await SettledAsync(again, appeal, "the resent recipients sent");
        done.Counts.Sent.ShouldBe(Recipients);
        emails.ShouldAllBe(e => Smtp.MessagesTo(e).Count >= 1, "no recipient may be lost");
        Smtp.Messages().Count.ShouldBe(Recipients + arrivedAnyway);
        foreach (var r in uncertain)
            Smtp.MessagesTo(r.Email!).Select(m => m.Message.MessageId).Distinct().ShouldBe([r.MessageId!.Trim('<', '>')]);
        done.Recipients.ShouldAllBe(r => r.MessageId != null);
    }

    private static async Task<AppealDetails> SettledAsync(HttpClient http, Guid appeal, string what) =>
        (await Eventually.UntilAsync(() => http.GetFromJsonAsync<AppealDetails>($"/api/appeals/{appeal}", AppProcess.Json)!,
            a => a!.Counts.Queued == 0, TimeSpan.FromSeconds(90), what))!;

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

}
