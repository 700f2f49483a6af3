namespace CampaignManager.Letters;

/// <summary>
/// Close the letter for sign-on because its deadline came. Carries the deadline it was scheduled for: if staff moved or
/// cleared the deadline, or closed and re-opened the letter with another one, this message is stale and does nothing.
/// </summary>
public record CloseAtDeadline(Guid LetterId, DateTimeOffset Deadline);

public static class CloseAtDeadlineHandler
{
    /// <summary>The actor recorded on what deadlines do by themselves.</summary>
    public const string Actor = "deadline";

    public static SignaturesClosed? Decide(Letter? letter, CloseAtDeadline m, DateTimeOffset now) =>
        letter is { Status: LetterStatus.Open, SignatureDeadline: { } deadline } && deadline == m.Deadline && now >= deadline
            ? CloseSignaturesEndpoint.Decide(letter, Actor, now)
            : null;

    // Exclusive, like the staff close: waits for sign-ons holding the letter row to commit, and none commits after it.
    public static async Task HandleAsync(CloseAtDeadline m, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForExclusiveWriting<Letter>(m.LetterId, token);
        if (Decide(stream.Aggregate, m, clock.GetUtcNow()) is { } closed) stream.AppendOne(closed);
    }
}

/// <summary>
/// The durable scheduled messages that make a deadline act. Wolverine schedules on the machine's clock, so each moment
/// is turned into a delay from <see cref="TimeProvider"/>'s now; a message that runs early (clock skew, a test's fake
/// clock) does nothing, and the deadline sweep (Hosting/DeadlineSweep) sends it again once it is due by TimeProvider.
/// </summary>
public static class DeadlineSchedule
{
    public static OutgoingMessages For(Guid letterId, DateTimeOffset? deadline, ReminderPlan? plan, DateTimeOffset now)
    {
        var messages = new OutgoingMessages();
        if (deadline is not { } d) return messages;
        messages.Add(new CloseAtDeadline(letterId, d).DelayedFor(Until(d, now)));
        foreach (var days in plan?.DaysBefore ?? [])
            if (d.AddDays(-days) > now) messages.Add(new SendDeadlineReminder(letterId, d, days).DelayedFor(Until(d.AddDays(-days), now)));
        return messages;
    }

    private static TimeSpan Until(DateTimeOffset moment, DateTimeOffset now) => moment > now ? moment - now : TimeSpan.Zero;
}

/// <summary>The Letters part of the deadline sweep (Hosting/DeadlineSweep): closes and reminders now due by the clock.</summary>
public static class SweepLetterDeadlinesHandler
{
    public static async Task<OutgoingMessages> HandleAsync(SweepDeadlines _, IQuerySession session, TimeProvider clock,
        CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var open = await session.Query<Letter>()
            .Where(l => l.Status == LetterStatus.Open && l.SignatureDeadline != null).ToListAsync(token);
        foreach (var letter in open)
        {
            var deadline = letter.SignatureDeadline!.Value;
            if (deadline <= now) messages.Add(new CloseAtDeadline(letter.Id, deadline));
            else
                foreach (var days in letter.Reminders?.DaysBefore ?? [])
                {
                    var due = new SendDeadlineReminder(letter.Id, deadline, days);
                    if (SendDeadlineReminderHandler.IsDue(letter, due, now)) messages.Add(due);
                }
        }
        return messages;
    }
}
