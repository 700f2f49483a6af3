namespace CampaignManager.Hosting;

/// <summary>
/// An event about something that happened on a day of its own, which may be long before it was typed in: a position
/// stated, a vote taken, a signature given on paper. Implement it explicitly (<c>DateOnly? IHappened.On => Date;</c>)
/// so the day is not written into the event's JSON a second time. Null: it happened when it was recorded.
/// </summary>
public interface IHappened
{
    DateOnly? On { get; }
}

/// <summary>
/// When an event's fact happened, for every "as of" view: its own day when it has one, else when it was recorded.
/// "As of 21 December 2014" then shows a campaign recorded years later as it stood that day. A day counts from its
/// start (UTC), so "as of" a date includes what happened on it; a moment typed as a bare date is that start too.
/// </summary>
public static class Happened
{
    public static DateTimeOffset At(object data, DateTimeOffset recordedAt) => At((data as IHappened)?.On, recordedAt);

    public static DateTimeOffset At(DateOnly? on, DateTimeOffset recordedAt) =>
        on is { } day ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : recordedAt;

    /// <summary>Whether the event had happened by <paramref name="asOf"/>.</summary>
    public static bool By(object data, DateTimeOffset recordedAt, DateTimeOffset asOf) => At(data, recordedAt) <= asOf;
}
