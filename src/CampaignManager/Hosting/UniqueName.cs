namespace CampaignManager.Hosting;

/// <summary>
/// A name that must mean one thing, held as a key document whose id is the normalized name: PostgreSQL's primary key
/// refuses a second one in the same transaction that writes the owner's events, so two staff registering the same
/// name at the same instant cannot both succeed (the loser's commit fails and answers 409). The read in each Validate
/// stays, for a friendly message naming the owner; this is what makes it true under concurrency.
/// The same mechanism as the sign-on dedupe keys (Signatures/SignerKey).
/// </summary>
public record UniqueName(string Id, Guid OwnerId)
{
    public const string Organization = "organization";
    public const string TargetList = "target-list";

    /// <summary>Inserts (never upserts) a key per distinct non-empty normalized name.</summary>
    public static void Claim(IDocumentSession session, string scope, IEnumerable<string> normalizedNames, Guid ownerId)
    {
        foreach (var name in normalizedNames.Where(n => n.Length > 0).Distinct())
            session.Insert(new UniqueName(Key(scope, name), ownerId));
    }

    /// <summary>Names that change hands (a merge): the keys exist already, so they are overwritten, not claimed.</summary>
    public static void Transfer(IDocumentSession session, string scope, IEnumerable<string> normalizedNames, Guid ownerId)
    {
        foreach (var name in normalizedNames.Where(n => n.Length > 0).Distinct())
            session.Store(new UniqueName(Key(scope, name), ownerId));
    }

    private static bool IsMissingTable(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable } || e.InnerException is { } inner && IsMissingTable(inner);

    public static string Key(string scope, string normalizedName) => $"{scope}|{normalizedName}";

    /// <summary>
    /// Claims the names written before keys existed (a database from an earlier version), at start-up, so they are
    /// protected too. Idempotent: names already claimed are left alone; two old owners of one name keep both, as before.
    /// </summary>
    public static async Task BackfillAsync(IDocumentStore store, string scope,
        Func<IQuerySession, Task<IEnumerable<(string Name, Guid Owner)>>> load, CancellationToken token)
    {
        await using var session = store.LightweightSession();
        IEnumerable<(string Name, Guid Owner)> names;
        try
        {
            names = await load(session);
        }
        catch (Exception e) when (IsMissingTable(e))
        {
            // a production database before its db-apply: nothing to claim, and the start-up schema check that follows
            // names what is missing; failing here would hide that message behind ours
            return;
        }
        var claimed = (await session.Query<UniqueName>().Select(k => k.Id).ToListAsync(token)).ToHashSet();
        var missing = names.Where(n => n.Name.Length > 0).Select(n => new UniqueName(Key(scope, n.Name), n.Owner))
            .Where(k => claimed.Add(k.Id)).ToList();
        if (missing.Count == 0) return;
        session.Store(missing.ToArray());
        await session.SaveChangesAsync(token);
    }
}
