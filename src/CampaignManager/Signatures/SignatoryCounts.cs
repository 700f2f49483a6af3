using CampaignManager.Letters;
using Marten.Services.BatchQuerying;

namespace CampaignManager.Signatures;

/// <summary>
/// A letter's signature counts, summed from its rows in signature_tally (<see cref="SignatureTally"/>), never by
/// loading or scanning its signatures, so they cost the same at 10 and at 100,000 signatures.
/// Counting the letter's index entries on every read grew with the letter (PostgreSQL B-trees keep no subtree counts:
/// 26 ms at 10,000 signatures); a single counter row per letter, written in the sign-on, would be one row that a
/// thousand concurrent signers all wait on (today each writes only its own streams, see <see cref="LetterGate"/>).
/// The tally sits between: each (status, organization, signed version) group is spread over
/// <see cref="SignatureTally.Slots"/> rows by the signature's id, so concurrent signers rarely share a row, and a read
/// sums at most slots × groups rows. Triggers keep it in the transaction that writes the signature, so whatever writes
/// one (sign-on, import, approval, a rebuild) keeps the count exact and the sign-on code does not know it exists.
/// Grouped by signed text version rather than compared with the current one: a revision changes "needs
/// re-confirmation" for every signature but no tally row, and the count needs no letter, so it shares a batch with
/// the letter's own load.
/// </summary>
public static class SignatoryCounts
{
    private sealed record Group(string Status, bool Organization, int SignedVersion, int Count);
    private sealed record TranslationGroup(string Language, int SignedVersion, int Count);

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
            var behind = Count(nameof(SignatureStatus.Active), g => g.SignedVersion < letter.TextVersion);
            if (letter.Translations.Count > 0)
            {
                // the tally groups by version alone; a translation's signers count behind their own text's version
                var translated = await TranslationGroupsAsync(session, letter.Id);
                behind += translated.Where(g => g.SignedVersion < letter.VersionIn(g.Language)).Sum(g => g.Count)
                          - translated.Where(g => g.SignedVersion < letter.TextVersion).Sum(g => g.Count);
            }
            return new SignatureCounts(active, organizations, active - organizations, behind,
                Count(nameof(SignatureStatus.Withdrawn)), Count(nameof(SignatureStatus.AwaitingApproval)),
                Count(nameof(SignatureStatus.AwaitingEmailConfirmation)));
        };
    }

    /// <summary>
    /// A translated letter's active signers of a translation by language and version: a second round trip, only for a
    /// letter that has translations, reading that letter's active rows (see README, "a letter in two languages").
    /// </summary>
    private static Task<IReadOnlyList<TranslationGroup>> TranslationGroupsAsync(IQuerySession session, Guid letterId) =>
        session.QueryAsync<TranslationGroup>(
            "select jsonb_build_object('language', data ->> 'language', 'signedVersion', signed_version, 'count', count(*)) " +
            $"from {session.DocumentStore.Options.DatabaseSchemaName}.mt_doc_signature where letter_id = ? and status = ? " +
            "and data ->> 'language' is not null group by data ->> 'language', signed_version", letterId, nameof(SignatureStatus.Active));
}
