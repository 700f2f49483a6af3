using System.Net.Sockets;
using Npgsql;

namespace CampaignManager.Hosting;

/// <summary>
/// Recognises "PostgreSQL is not there right now" (a restart, a failover, a dropped connection) as opposed to a bug or
/// a refused statement. Such a request did nothing the caller can rely on and may simply be sent again, so it is
/// answered 503 with Retry-After rather than the generic 500 that asks staff to report a bug.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Long enough for <c>pg_ctl restart</c> or a failover to finish; short enough that a person retries.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>Marten and Wolverine wrap Npgsql's errors (MartenCommandException, AggregateException), so look inside.</summary>
    public static bool IsUnavailable(Exception? e) => e switch
    {
        null => false,
        PostgresException p => IsUnavailableState(p.SqlState),
        // a connection that could not be opened, or was cut mid-command: the cause is the socket or stream under it
        NpgsqlException n when IsConnectionCause(n.InnerException) => true,
        AggregateException a => a.InnerExceptions.Any(IsUnavailable),
        _ => IsUnavailable(e.InnerException)
    };

    /// <summary>
    /// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, every 08xxx connection exception, and
    /// 40P01 deadlock_detected / 40001 serialization_failure: PostgreSQL rolled the transaction back and asks for it to
    /// be run again. A deadlock needs a writer of many signatures at once (a projection rebuild, a start-up backfill)
    /// meeting sign-ons on the same letter's tally rows (Signatures/SignatureTally.cs); the victim is safe to repeat.
    /// </summary>
    private static bool IsUnavailableState(string state) =>
        state is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure ||
        state.StartsWith("08", StringComparison.Ordinal);

    private static bool IsConnectionCause(Exception? e) => e switch
    {
        null => false,
        SocketException or IOException or TimeoutException => true,
        PostgresException p => IsUnavailableState(p.SqlState),
        _ => IsConnectionCause(e.InnerException)
    };
}
