namespace CampaignManager.Hosting;

/// <summary>
/// A PostgreSQL advisory lock named by a string, held by the session's transaction until commit or rollback. For work
/// that two requests or two nodes may start at once with nothing yet to lock a row of (an idempotency key, a day's
/// digest): the second waits, then finds what the first one wrote.
/// </summary>
public static class NamedLock
{
    public static async Task HoldAsync(IDocumentSession session, string name, CancellationToken token)
    {
        await session.BeginTransactionAsync(token);
        var lockId = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)), 0);
        await session.QueryAsync<int>("select 1 from pg_advisory_xact_lock(?)", token, lockId);
    }
}
