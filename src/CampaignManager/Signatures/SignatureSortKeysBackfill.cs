namespace CampaignManager.Signatures;

/// <summary>
/// Signatures stored before the block was paged have no sort key, and PostgreSQL backfills the new sort_key column
/// from JSON that lacks it; signatures stored before the key folded accents and heeded a family name have a key of an
/// earlier format (see <see cref="SignatoryOrder.Format"/>). Both get their keys at start-up. Each row is updated in
/// SQL, only while its key is still missing or old, so a signature withdrawn or approved meanwhile keeps that change
/// (loading and storing the document would not).
/// </summary>
internal sealed class SignatureSortKeysBackfill : Marten.Schema.IInitialData
{
    private const int Batch = 1000;

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_signature";
        while (true)
        {
            await using var session = store.LightweightSession();
            IReadOnlyList<(Guid Id, SignatoryKind Kind, string Name, string? FamilyName)> missing;
            try
            {
                missing = (await session.Query<Signature>().Where(x => x.SortKey == null || !x.SortKey.EndsWith(SignatoryOrder.Format))
                    .Select(x => new { x.Id, x.Kind, x.Name, x.FamilyName }).Take(Batch).ToListAsync(cancellation))
                    .Select(x => (x.Id, x.Kind, x.Name, x.FamilyName)).ToList();
            }
            catch (Exception e) when (IsSchemaNotApplied(e))
            {
                // a production database before its db-apply: the start-up schema check that follows names what is
                // missing; failing here would hide that message behind ours
                return;
            }
            if (missing.Count == 0) return;
            foreach (var s in missing)
            {
                var key = SignatoryOrder.SortKey(s.Kind, s.Name, s.FamilyName);
                session.QueueSqlCommand(
                    $"update {table} set sort_key = ?, data = jsonb_set(data, '{{sortKey}}', to_jsonb(?::text)) " +
                    $"where id = ? and (sort_key is null or right(sort_key, {SignatoryOrder.Format.Length}) <> ?)", key, key, s.Id, SignatoryOrder.Format);
            }
            await session.SaveChangesAsync(cancellation);
        }
    }

    private static bool IsSchemaNotApplied(Exception e) =>
        e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UndefinedTable or Npgsql.PostgresErrorCodes.UndefinedColumn }
        || e.InnerException is { } inner && IsSchemaNotApplied(inner);
}
