using CampaignManager.Letters;
using Marten;
using Marten.Services.BatchQuerying;

namespace CampaignManager.Signatures;

/// <summary>
/// A letter's signature counts, counted by PostgreSQL in one statement from the (letter_id, status, sort_key, id,
/// signed_version) index, never by loading signatures.
/// Counted on read rather than kept in a counts document: a counter row written by every sign-on, withdrawal and
/// approval would be one row that a thousand concurrent signers all wait on (today each writes only its own streams,
/// see <see cref="LetterGate"/>), and "needs re-confirmation" changes for every signature when the text is revised, so
/// a counter would have to be rebuilt then anyway. The count is always exactly what is committed, with nothing to keep
/// in step. Its cost is an index-only scan of this letter's entries, no documents or JSON: far below loading the block,
/// but it does grow with the letter (PostgreSQL B-trees do not keep subtree counts), which README's table shows.
/// Grouped by signed text version rather than compared with the current one, so it needs no letter and can share a
/// batch with the letter's own load.
/// </summary>
public static class SignatoryCounts
{
    private sealed record Group(string Status, bool Organization, int SignedVersion, int Count);

    public static async Task<SignatureCounts> CountAsync(IQuerySession session, Letter letter, CancellationToken token)
    {
        var batch = session.CreateBatchQuery();
        var counts = CountIn(batch, session, letter.Id);
        await batch.Execute(token);
        return await counts(letter);
    }

    public static Func<Letter, Task<SignatureCounts>> CountIn(IBatchedQuery batch, IQuerySession session, Guid letterId)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        var groups = batch.Query<Group>(
            "select jsonb_build_object('status', status, 'organization', organization, 'signedVersion', signed_version, " +
            $"'count', sum(n)) from {schema}.signature_tally where letter_id = ? group by status, organization, signed_version",
            letterId);
        return async letter =>
        {
            var all = await groups;
            int Count(string status, Func<Group, bool>? also = null) =>
                all.Where(g => g.Status == status && (also?.Invoke(g) ?? true)).Sum(g => g.Count);
            var active = Count(nameof(SignatureStatus.Active));
            var organizations = Count(nameof(SignatureStatus.Active), g => g.Organization);
            return new SignatureCounts(active, organizations, active - organizations,
                Count(nameof(SignatureStatus.Active), g => g.SignedVersion < letter.TextVersion),
                Count(nameof(SignatureStatus.Withdrawn)), Count(nameof(SignatureStatus.AwaitingApproval)));
        };
    }
}
