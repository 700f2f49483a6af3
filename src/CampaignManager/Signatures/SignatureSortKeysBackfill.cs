namespace CampaignManager.Signatures;

/// <summary>
/// Signatures stored before the block was paged have no sort key, and PostgreSQL backfills the new sort_key column
/// from JSON that lacks it; signatures stored by an earlier version have a key of an earlier format or of another ICU
/// version (see <see cref="SignatoryOrder.Format"/>). All get their keys at start-up. Each row is updated in SQL, only
/// while its key is still missing or old, so a signature withdrawn or approved meanwhile keeps that change (loading and
/// storing the document would not).
/// Versions before issue #18 ran under invariant globalization, where the name keys that recognise a returning signer
/// (<see cref="SignerIdentity"/>) kept accents: "Médecins Sans Frontières" was not "Medecins Sans Frontieres". The
/// same pass gives each re-keyed signature its keys as they are made now, where no signature holds them yet, so the
/// returning signer is found again instead of signing twice.
/// </summary>
internal sealed class SignatureSortKeysBackfill : Marten.Schema.IInitialData
{
    private const int Batch = 1000;

    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_signature";
        var format = SignatoryOrder.Format;
        while (true)
        {
            await using var session = store.LightweightSession();
            IReadOnlyList<Signature> missing;
            try
            {
                missing = await session.Query<Signature>().Where(x => x.SortKey == null || !x.SortKey.EndsWith(format))
                    .Take(Batch).ToListAsync(cancellation);
            }
            catch (Exception e) when (SchemaPolicy.IsNotApplied(e))
            {
                // a production database before its db-apply: the start-up schema check that follows names what is
                // missing; failing here would hide that message behind ours
                return;
            }
            if (missing.Count == 0) return;
            foreach (var s in missing)
            {
                var key = SignatoryOrder.KeyFor(s.Kind, s.Name, s.FamilyName, s.NameWithheld, s.Collation);
                session.QueueSqlCommand(
                    $"update {table} set sort_key = ?, data = jsonb_set(data, '{{sortKey}}', to_jsonb(?::text)) " +
                    $"where id = ? and (sort_key is null or right(sort_key, {format.Length}) <> ?)", key, key, s.Id, format);
            }
            var keys = missing.Where(s => s.ErasedAt is null).SelectMany(s => SignerIdentity.KeysFor(s.LetterId, s.Kind, s.Name, s.Affiliation, s.Email)
                    .Select(k => (Key: k, s.Id)))
                .DistinctBy(k => k.Key).ToList();
            var held = (await session.LoadManyAsync<SignerKey>(cancellation, keys.Select(k => k.Key).ToArray())).Select(k => k.Id).ToHashSet();
            // inserted, never overwritten: a key some signature holds already stays with it; a sign-on committing the
            // same key meanwhile fails this batch, and the next pass finds it held
            foreach (var (k, id) in keys.Where(k => !held.Contains(k.Key))) session.Insert(new SignerKey(k, id));
            try
            {
                await session.SaveChangesAsync(cancellation);
            }
            catch (Exception e) when (e is JasperFx.DocumentAlreadyExistsException || e.InnerException is JasperFx.DocumentAlreadyExistsException)
            {
                // lost a race with a sign-on on one key; the next pass reads it as held
            }
        }
    }
}
