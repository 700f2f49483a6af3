using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>What Letters asks about a letter's signatures (it declares what it needs: <see cref="ILetterSigners"/>).</summary>
public sealed class LetterSigners : ILetterSigners
{
    // counted by PostgreSQL from the block index, one number per letter: no signature leaves the database
    public async Task<IReadOnlyDictionary<Guid, int>> SignatoriesAsync(IQuerySession session, Guid[] letterIds,
        CancellationToken token) =>
        (await session.QueryAsync<SignedCount>(
            "select jsonb_build_object('letterId', letter_id, 'count', count(*)) from " +
            $"{session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_signature where letter_id = any(?) and status = ? " +
            "group by letter_id", token, letterIds, nameof(SignatureStatus.Active)))
        .ToDictionary(x => x.LetterId, x => x.Count);

    // read from the block's index (it carries signed_version), so a letter with 100,000 signers who all re-confirmed
    // loads none of them
    // loads none of them. Translation signers are few and count in their own text's versions: read apart and weighed here.
    public async Task<IReadOnlyList<IBlockSigner>> BehindAsync(IQuerySession session, Letter letter, CancellationToken token)
    {
        var (id, version) = (letter.Id, letter.TextVersion);
        var source = await session.Query<Signature>()
            .Where(x => x.LetterId == id && x.Status == SignatureStatus.Active && x.SignedVersion < version && x.Language == null)
            .ToListAsync(token);
        if (letter.Translations.Count == 0) return source;
        var translated = await TranslationSignersAsync(session, id, token);
        return [.. source, .. translated.Where(s => s.SignedVersion < letter.VersionIn(s.Language))];
    }

    /// <summary>The letter's active signers of a translation, through the partial index that holds only them.</summary>
    public static Task<IReadOnlyList<Signature>> TranslationSignersAsync(IQuerySession session, Guid letterId, CancellationToken token) =>
        session.QueryAsync<Signature>("where letter_id = ? and status = ? and data ->> 'language' is not null", token,
            letterId, nameof(SignatureStatus.Active));

    public void Drop(IDocumentSession session, IEnumerable<DroppedSigner> dropped)
    {
        foreach (var d in dropped)
            session.Events.Append(d.SignatureId, new SignatureWithdrawn(d.SignatureId, d.LetterId, d.Reason, d.By, d.At));
    }

    private sealed record SignedCount(Guid LetterId, int Count);
}
