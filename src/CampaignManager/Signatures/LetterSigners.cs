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
    public async Task<IReadOnlyList<IBlockSigner>> BehindAsync(IQuerySession session, Guid letterId, int textVersion,
        CancellationToken token) =>
        await session.Query<Signature>()
            .Where(x => x.LetterId == letterId && x.Status == SignatureStatus.Active && x.SignedVersion < textVersion)
            .ToListAsync(token);

    public void Drop(IDocumentSession session, IEnumerable<DroppedSigner> dropped)
    {
        foreach (var d in dropped)
            session.Events.Append(d.SignatureId, new SignatureWithdrawn(d.SignatureId, d.LetterId, d.Reason, d.By, d.At));
    }

    private sealed record SignedCount(Guid LetterId, int Count);
}
