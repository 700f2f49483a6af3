namespace CampaignManager.Hosting;

/// <summary>Section <c>Deadlines</c>.</summary>
public sealed class DeadlineSettings
{
    public const string Section = "Deadlines";

    /// <summary>How often each node looks for work that is due by <see cref="TimeProvider"/>; the look costs three indexed queries.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The hour (UTC, 0-23) from which the day's follow-up digest goes to staff.</summary>
    public int DigestHourUtc { get; set; } = 8;

    public DateTimeOffset DigestMomentOn(DateOnly day) => new(day.ToDateTime(new TimeOnly(DigestHourUtc, 0)), TimeSpan.Zero);
}

/// <summary>
/// Look for work that is due by <see cref="TimeProvider"/> and send its messages again. It is the safety net under the
/// scheduled messages: Wolverine runs those on the machine's clock, so one that ran early (a node's clock behind, a
/// test's fake clock) did nothing, and one lost with a database restore is never run. Each capability handles it for
/// its own deadlines (Letters: closes and reminders; Appeals: follow-ups and the digest); Wolverine runs the handlers
/// of one message type as one. Every node sweeps, and that is safe: each message's handler takes the letter's or
/// recipient's row lock (the digest, the day's lock) before deciding, so a second one finds the work done. A sweep
/// holds no transaction across its reads, so it never blocks or deadlocks anything else.
/// </summary>
public record SweepDeadlines;

/// <summary>Runs the sweep every <see cref="DeadlineSettings.SweepInterval"/> of real time, the first one interval after start.</summary>
public sealed class DeadlineSweeper(IServiceScopeFactory scopes, IOptions<DeadlineSettings> settings, ILogger<DeadlineSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // real time on purpose: the interval is only how often to look; what is due is read from TimeProvider
        using var timer = new PeriodicTimer(settings.Value.SweepInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new SweepDeadlines(), stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "The deadline sweep failed; it runs again in {Interval}", settings.Value.SweepInterval);
            }
        }
    }
}

public static class Deadlines
{
    /// <summary>Deadlines that act: letters close, reminders go out, follow-ups are raised and staff get one digest a day.</summary>
    public static WebApplicationBuilder AddDeadlines(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(DeadlineSettings.Section);
        builder.Services.AddOptions<DeadlineSettings>().Bind(section)
            .Validate(s => s.SweepInterval > TimeSpan.Zero && s.DigestHourUtc is >= 0 and <= 23,
                "Deadlines:SweepInterval must be positive and Deadlines:DigestHourUtc 0 to 23")
            .ValidateOnStart();
        builder.Services.AddHostedService<DeadlineSweeper>();
        return builder;
    }
}
