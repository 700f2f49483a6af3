namespace CampaignManager.Tests.Appeals;

/// <summary>
/// Waits for a real condition with a deadline. Between checks it awaits a <see cref="PeriodicTimer"/> tick: that is
/// a polling interval, not a sleep standing in for a condition; the loop ends as soon as the condition holds and
/// fails with what it waited for when the deadline passes.
/// </summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline, string what,
        TimeSpan? interval = null)
    {
        using var timer = new PeriodicTimer(interval ?? TimeSpan.FromMilliseconds(200));
        var until = DateTime.UtcNow + deadline;
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Still waiting after {deadline} for: {what}. Last seen: {value}");
            await timer.WaitForNextTickAsync();
        }
    }

    public static Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what) =>
        UntilAsync(() => Task.FromResult(condition()), x => x, deadline, what);
}
