using CampaignManager.Hosting.Email;
using CampaignManager.Staff;

namespace CampaignManager.Appeals;

/// <summary>
/// The day's digest went out (or there was nothing to send). Keyed by the day ("2026-01-08"): with the advisory lock
/// below, one digest per day however many nodes, sweeps or scheduled messages ask for it.
/// </summary>
public record FollowUpDigest(string Id, DateTimeOffset At, int FollowUps, IReadOnlyList<string> SentTo);

/// <summary>Send the staff digest of open follow-ups for <see cref="Day"/> (UTC), unless that day's was already sent.</summary>
public record SendFollowUpDigest(DateOnly Day);

public static class SendFollowUpDigestHandler
{
    public static string IdFor(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static (FollowUpDigest Digest, IReadOnlyList<DeliverNotice> Emails) Decide(DateOnly day, IReadOnlyList<OpenFollowUp> open,
        IReadOnlyList<string> staff, DateTimeOffset now)
    {
        // nothing to follow up: the day is marked done and nobody gets an empty email
        var to = open.Count == 0 ? [] : staff;
        var digest = new FollowUpDigest(IdFor(day), now, open.Count, to);
        var text = new StringBuilder($"{open.Count} appeal recipient{(open.Count == 1 ? "" : "s")} did not answer by the date you set:\n\n");
        foreach (var f in open)
            text.Append($"- {f.Name}, on \"{f.LetterTitle}\": response due {Hosting.Web.Format.Utc(f.DueBy)} (appeal {f.AppealId})\n");
        var subject = $"Follow-ups due on {IdFor(day)}: {open.Count}";
        return (digest, to.Select(a => new DeliverNotice(a, subject, text.ToString(), $"digest-{IdFor(day)}-{DeliverNotice.Slug(a)}")).ToList());
    }

    public static async Task<OutgoingMessages> HandleAsync(SendFollowUpDigest m, IDocumentSession session, TimeProvider clock,
        StaffInboxes staff, IOptions<DeadlineSettings> settings, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        // early by TimeProvider (a node's clock ahead): the sweep asks again once the hour has come
        if (now < settings.Value.DigestMomentOn(m.Day)) return [];
        // follow-ups due but not raised yet (their messages are on the way) would be missing from the day's only digest:
        // wait for them, and the next sweep asks again
        if ((await FollowUps.DueAsync(session, now, token)).Count > 0) return [];
        // read before the transaction, so it holds one lock and one table while it decides
        var (digest, emails) = Decide(m.Day, await FollowUps.OpenAsync(session, token), await staff.AddressesAsync(session, token), now);
        // serialises two nodes asking for the same day; the second then finds the first one's digest
        await NamedLock.HoldAsync(session, $"digest|{IdFor(m.Day)}", token);
        if (await session.LoadAsync<FollowUpDigest>(IdFor(m.Day), token) is not null) return [];
        // inserted, never upserted: the primary key is the last word against a second digest for the day
        session.Insert(digest);
        var messages = new OutgoingMessages();
        messages.AddRange(emails);
        // the daily job: tomorrow's digest is scheduled with today's record, so only the first digest of a day chains on
        var next = settings.Value.DigestMomentOn(m.Day.AddDays(1));
        messages.Add(new SendFollowUpDigest(m.Day.AddDays(1)).DelayedFor(next > digest.At ? next - digest.At : TimeSpan.Zero));
        return messages;
    }
}
