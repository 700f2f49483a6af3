namespace CampaignManager.Coalitions;

/// <summary>
/// Versions before issue #18 ran under invariant globalization, where <see cref="TextRules.NameKey"/> kept accents:
/// a signature of "Médecins Sans Frontières" was filed under "médecins sans frontières" and no longer meets the
/// organization's key. Only keys with a letter outside ASCII can differ, so only those are made again, at start-up, in
/// SQL on the row as read (a signature withdrawn meanwhile keeps that change). A rebuild makes the same keys.
/// </summary>
internal sealed class CoalitionNameKeysBackfill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        var table = $"{store.Options.DatabaseSchemaName}.mt_doc_coalitionsignature";
        await using var session = store.LightweightSession();
        IReadOnlyList<CoalitionSignature> old;
        try
        {
            old = await session.QueryAsync<CoalitionSignature>("where name_key ~ '[^\\x01-\\x7f]'", cancellation);
        }
        catch (Exception e) when (SchemaPolicy.IsNotApplied(e))
        {
            return;
        }
        foreach (var s in old)
        {
            var key = CoalitionSignature.KeyOf(s.Kind, s.Name, s.Affiliation);
            if (key == s.NameKey) continue;
            session.QueueSqlCommand($"update {table} set name_key = ?, data = jsonb_set(data, '{{nameKey}}', to_jsonb(?::text)) " +
                                    "where id = ? and name_key = ?", key!, key!, s.Id, s.NameKey!);
        }
        await session.SaveChangesAsync(cancellation);
    }
}
