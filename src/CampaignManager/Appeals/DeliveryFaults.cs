using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Appeals;

/// <summary>A step of one recipient's delivery that can say, in one sentence for staff, what a database fault left undone.</summary>
public interface IAppealDeliveryStep
{
    Guid AppealId { get; }
    Guid TargetId { get; }
    int Attempt { get; }
    string ReasonAfter(Exception databaseFault);
}

/// <summary>Thrown when the database fails before the email is handed to the relay: retrying that cannot send anything twice.</summary>
public sealed class DeliveryNotStartedException(Exception inner) : Exception("The database failed before the email was handed to the relay", inner);

/// <summary>
/// What a database error does to a delivery step: the step is retried in place a few times (a failover or a dropped
/// connection heals in seconds), then dead-lettered, and the recipient is recorded as failed with the reason, so no
/// recipient stays queued forever and staff can see it and use /retry. Only steps that cannot send an email twice are
/// retried: once the relay has the email, its outcome is recorded by <see cref="RecordAppealDelivery"/>, never by sending again.
/// </summary>
public static class DeliveryFaults
{
    public static readonly TimeSpan[] Cooldowns = [TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)];

    public static bool IsDatabaseFault(Exception e) => e is NpgsqlException ||
        e is AggregateException a && a.InnerExceptions.Any(IsDatabaseFault) || e.InnerException is { } inner && IsDatabaseFault(inner);

    /// <summary>A step whose every re-run is harmless: retried, then dead-lettered and the recipient failed.</summary>
    public static void RetryThenFail(HandlerChain chain, Func<Exception, bool> retryable, string description) =>
        chain.OnException(retryable, description).RetryWithCooldown(Cooldowns)
            .Then.MoveToErrorQueue().And(RecordAsFailedAsync, "record the recipient as failed, with the reason");

    /// <summary>A step that must not run again (the email may be out): dead-lettered at once and the recipient failed.</summary>
    public static void FailAtOnce(HandlerChain chain, Func<Exception, bool> match, string description) =>
        chain.OnException(match, description).MoveToErrorQueue().And(RecordAsFailedAsync, "record the recipient as failed, with the reason");

    /// <summary>
    /// Publishes <see cref="FailAppealDelivery"/> through a bus of its own: the failed message's own outgoing messages
    /// belonged to the transaction that just failed. If even that cannot be stored (the database is down), the message
    /// stays in the dead-letter table, where an operator can replay it.
    /// </summary>
    private static async ValueTask RecordAsFailedAsync(IWolverineRuntime runtime, IEnvelopeLifecycle lifecycle, Exception e)
    {
        if (lifecycle.Envelope?.Message is not IAppealDeliveryStep step) return;
        try
        {
            await new MessageBus(runtime).PublishAsync(new FailAppealDelivery(step.AppealId, step.TargetId, step.Attempt, step.ReasonAfter(e)));
        }
        catch (Exception publishing)
        {
            runtime.LoggerFactory.CreateLogger(typeof(DeliveryFaults)).LogError(publishing,
                "Appeal {AppealId} recipient {TargetId} could not be marked failed; its delivery message is dead-lettered", step.AppealId, step.TargetId);
        }
    }

    /// <summary>The SQLSTATE only: PostgreSQL's own message names tables and columns, which staff need not read.</summary>
    public static string Describe(Exception e) => Find(e) switch
    {
        PostgresException p => $"database error {p.SqlState}",
        NpgsqlException n => $"database unreachable ({n.InnerException?.GetType().Name ?? n.GetType().Name})",
        _ => e.GetType().Name
    };

    private static NpgsqlException? Find(Exception e) => e switch
    {
        NpgsqlException n => n,
        AggregateException a => a.InnerExceptions.Select(Find).FirstOrDefault(x => x is not null),
        _ => e.InnerException is { } inner ? Find(inner) : null
    };
}
