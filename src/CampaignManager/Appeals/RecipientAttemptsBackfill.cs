namespace CampaignManager.Appeals;

/// <summary>
/// Recipients retried before attempts were counted across retries were stored with only the last round's attempts;
/// at start-up each such recipient's stream is folded again for its earlier attempts and retries. Only those two
/// fields are written, in SQL and only while the document still lacks them, so a delivery recorded meanwhile (whose
/// document then carries them) is never overwritten. Retries are rare, so the events read here stay few.
/// </summary>
internal sealed class RecipientAttemptsBackfill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_appealrecipient";
        await using var session = store.LightweightSession();
        IReadOnlyList<Guid> stale;
        try
        {
            var retried = (await session.Events.QueryRawEventDataOnly<AppealDeliveryRetried>().ToListAsync(cancellation))
                .Select(r => AppealRecipient.StreamId(r.AppealId, r.TargetId)).Distinct().ToArray();
            if (retried.Length == 0) return;
            // jsonb_exists rather than the ? operator, which would read as a parameter
            stale = await session.QueryAsync<Guid>(
                $"select id from {table} where id = any(?) and not jsonb_exists(data, 'retries')", cancellation, retried);
        }
        catch (Exception e) when (SchemaPolicy.IsNotApplied(e))
        {
            // a production database before its db-apply: the start-up schema check that follows names what is missing
            return;
        }
        foreach (var id in stale)
        {
            if (await session.Events.AggregateStreamAsync<AppealRecipient>(id, token: cancellation) is not { } folded) continue;
            session.QueueSqlCommand(
                $"update {table} set data = data || jsonb_build_object('earlierAttempts', ?::int, 'retries', ?::int) " +
                "where id = ? and not jsonb_exists(data, 'retries')", folded.EarlierAttempts, folded.Retries, id);
        }
        await session.SaveChangesAsync(cancellation);
    }
}
