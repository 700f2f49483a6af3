using CampaignManager.Letters;
using Marten;

namespace CampaignManager.Signatures;

/// <summary>
/// A letter's signature counts, counted by PostgreSQL in one statement from the (letter_id, status, sort_key, id,
/// signed_version) index, never by loading signatures.
/// Counted on read rather than kept in a counts document: a counter row written by every sign-on, withdrawal and
/// approval would be one row that a thousand concurrent signers all wait on (today each writes only its own streams,
/// see <see cref="LetterGate"/>), and "needs re-confirmation" changes for every signature when the text is revised, so
/// a counter would have to be rebuilt then anyway. The count is always exactly what is committed, with nothing to keep
/// in step. Its cost is a scan of this letter's index entries, no documents or JSON: far below loading the block, but
/// it does grow with the letter (PostgreSQL B-trees do not keep subtree counts), which README's table shows.
/// </summary>
public static class SignatoryCounts
{
    private sealed record Row(int Active, int Organizations, int NeedingReconfirmation, int Withdrawn, int AwaitingApproval);

    public static async Task<SignatureCounts> CountAsync(IQuerySession session, Letter letter, CancellationToken token)
    {
        var schema = session.DocumentStore.Options.DatabaseSchemaName;
        // an organization's sort key starts with "0" (SignatoryOrder.SortKey)
        var rows = await session.QueryAsync<Row>(
            "select jsonb_build_object(" +
            "'active', count(*) filter (where status = ?), " +
            "'organizations', count(*) filter (where status = ? and sort_key < '1'), " +
            "'needingReconfirmation', count(*) filter (where status = ? and signed_version < ?), " +
            "'withdrawn', count(*) filter (where status = ?), " +
            $"'awaitingApproval', count(*) filter (where status = ?)) from {schema}.mt_doc_signature where letter_id = ?",
            token, Active, Active, Active, letter.TextVersion, nameof(SignatureStatus.Withdrawn),
            nameof(SignatureStatus.AwaitingApproval), letter.Id);
        var row = rows.Single();
        return new SignatureCounts(row.Active, row.Organizations, row.Active - row.Organizations, row.NeedingReconfirmation,
            row.Withdrawn, row.AwaitingApproval);
    }

    private const string Active = nameof(SignatureStatus.Active);
}
