using CampaignManager.Hosting.Email;
using CampaignManager.Staff;

namespace CampaignManager.Letters;

/// <summary>
/// Who hears before a deadline. "coalition": the contact emails that organizations gave when they signed this letter or
/// another letter of its campaigns (organizations keep no email of their own; the one they sign with is the one they
/// answer). "staff": the staff inboxes (<see cref="StaffInboxes"/>).
/// </summary>
public enum ReminderAudience { Coalition, Staff }

/// <summary>
/// The coalition's inboxes for a letter. Coalitions answer it (a letter's coalition spans its campaigns' letters), so Letters
/// names what it needs without depending on Coalitions or Campaigns, which already depend on Letters.
/// </summary>
public interface ICoalitionInboxes
{
    Task<IReadOnlyList<string>> AddressesAsync(IQuerySession session, Guid letterId, CancellationToken token);
}

/// <summary>Remind <see cref="Audience"/> this many whole days before the sign-on deadline, once per entry.</summary>
public record ReminderPlan(IReadOnlyList<int> DaysBefore, ReminderAudience Audience)
{
    public const int MaxDaysBefore = 60;

    public static FieldErrors Check(FieldErrors errors, DateTimeOffset? deadline, IReadOnlyList<int>? days) => errors
        .When(days is { Count: > 0 } && deadline is null, "remindDaysBefore", "needs a deadline to count back from")
        .When(days is not null && days.Any(d => d is < 1 or > MaxDaysBefore), "remindDaysBefore", $"each must be 1 to {MaxDaysBefore} days")
        .When(days is { Count: > 5 }, "remindDaysBefore", "at most 5 reminders");

    public static ReminderPlan? From(IReadOnlyList<int>? days, ReminderAudience? audience) => days is { Count: > 0 }
        ? new ReminderPlan([.. days.Distinct().OrderDescending()], audience ?? ReminderAudience.Staff)
        : null;
}

/// <summary>The reminder <see cref="DaysBefore"/> the deadline went out to these addresses (queued in the durable outbox).</summary>
public record DeadlineReminderSent(Guid LetterId, DateTimeOffset Deadline, int DaysBefore, ReminderAudience Audience,
    IReadOnlyList<string> SentTo, string By, DateTimeOffset At) : ILetterEvent;

/// <summary>Due at <c>Deadline - DaysBefore</c>; stale (does nothing) once the letter closed or its deadline moved.</summary>
public record SendDeadlineReminder(Guid LetterId, DateTimeOffset Deadline, int DaysBefore);

public static class SendDeadlineReminderHandler
{
    public static bool IsDue(Letter? letter, SendDeadlineReminder m, DateTimeOffset now) =>
        letter is { Status: LetterStatus.Open, SignatureDeadline: { } deadline, Reminders: { } plan }
        && deadline == m.Deadline && plan.DaysBefore.Contains(m.DaysBefore)
        && now >= deadline.AddDays(-m.DaysBefore) && now < deadline
        && !letter.RemindersSent.Any(s => s.Deadline == deadline && s.DaysBefore == m.DaysBefore);

    public static (DeadlineReminderSent? Sent, IReadOnlyList<DeliverNotice> Emails) Decide(Letter? letter, SendDeadlineReminder m,
        IReadOnlyList<string> audience, DateTimeOffset now)
    {
        if (!IsDue(letter, m, now)) return (null, []);
        var sent = new DeadlineReminderSent(letter!.Id, m.Deadline, m.DaysBefore, letter.Reminders!.Audience, audience,
            CloseAtDeadlineHandler.Actor, now);
        var subject = $"Reminder: \"{letter.Title}\" closes for signatures on {Hosting.Web.Format.Utc(m.Deadline)}";
        var text = $"The letter \"{letter.Title}\" ({letter.Subject}) takes signatures until {Hosting.Web.Format.Utc(m.Deadline)}, " +
                   $"{m.DaysBefore} day{(m.DaysBefore == 1 ? "" : "s")} from now. After that it closes and no more signatures are accepted.";
        return (sent, audience.Select(to => new DeliverNotice(to, subject, text,
            $"reminder-{letter.Id:N}-{m.Deadline.UtcTicks}-{m.DaysBefore}-{DeliverNotice.Slug(to)}")).ToList());
    }

    /// <summary>The stream row is locked first, so two nodes handling the same reminder send it once.</summary>
    public static async Task<OutgoingMessages> HandleAsync(SendDeadlineReminder m, IDocumentSession session, TimeProvider clock,
        StaffInboxes staff, ICoalitionInboxes coalition, CancellationToken token)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Letter>(m.LetterId, token);
        var now = clock.GetUtcNow();
        if (!IsDue(stream.Aggregate, m, now)) return [];
        var audience = stream.Aggregate!.Reminders!.Audience == ReminderAudience.Staff
            ? await staff.AddressesAsync(session, token)
            : await coalition.AddressesAsync(session, m.LetterId, token);
        var (sent, emails) = Decide(stream.Aggregate, m, audience, now);
        stream.AppendOne(sent!);
        var messages = new OutgoingMessages();
        messages.AddRange(emails);
        return messages;
    }
}
