using CampaignManager.Letters;
using Marten.Services.BatchQuerying;

namespace CampaignManager.Signatures;

/// <summary>
/// No signature may commit on a letter after it was closed, and no change to the block (approve, reject, withdraw,
/// re-confirm) after it was finalized. A sign-on writes only its own streams (so a thousand
/// signers never contend for one letter version), which means the letter's stream version cannot guard it. Instead
/// each sign-on holds the letter's row in mt_streams FOR SHARE for its whole transaction and reads the letter after
/// taking it; close and finalize load the letter FOR UPDATE (<c>ConcurrencyStyle.Exclusive</c>). Shared locks do not block
/// each other, so concurrent signers still run in parallel; the close waits until the sign-ons in flight have
/// committed, and sign-ons that arrive meanwhile wait for the close and then see a closed letter (409).
/// Because the close only reserves its event sequence after it has the lock, every signature's sequence number is
/// lower than the close's: history and "as of" reads order them as they really happened.
/// Chosen over a per-letter advisory lock because the row lock needs no key scheme and Marten's exclusive fetch already
/// takes it; over an expected version on the letter stream because that would serialize every sign-on.
/// </summary>
public static class LetterGate
{
    public static async Task<Letter?> HoldAsync(IDocumentSession session, Guid letterId, CancellationToken token)
    {
        await session.BeginTransactionAsync(token);
        var schema = session.DocumentStore.Options.Events.DatabaseSchemaName;
        var held = await session.QueryAsync<long>($"select version from {schema}.mt_streams where id = ? for share", token, letterId);
        // read after the lock: a close that committed while we waited is seen here
        return held.Count == 0 ? null : await session.LoadAsync<Letter>(letterId, token);
    }

    /// <summary>
    /// The same hold for a sign-on, queued on a batch so that the sign-on's reads travel in one round trip, and reading
    /// only the terms a sign-on is decided on instead of the letter document, which carries every revision's full text.
    /// The lock stays a statement of its own ahead of the read: under READ COMMITTED each statement takes a fresh
    /// snapshot once the one before it has finished, so the terms are read after the lock was granted, as above.
    /// The session must already be in a transaction, which holds the lock until it commits.
    /// </summary>
    public static Task<SigningTerms?> Hold(IBatchedQuery batch, IDocumentSession session, Guid letterId)
    {
        var options = session.DocumentStore.Options;
        var held = batch.Query<HeldStream>(
            $"select jsonb_build_object('version', version) from {options.Events.DatabaseSchemaName}.mt_streams where id = ? for share", letterId);
        var terms = batch.Query<SigningTerms>(
            "select jsonb_build_object('id', id, 'status', data -> 'status', 'textVersion', jsonb_array_length(data -> 'texts'), " +
            "'signatureDeadline', data -> 'signatureDeadline', 'publicSignOnNeedsApproval', data -> 'publicSignOnNeedsApproval', " +
            // each translation's language and current version: what a signer may sign besides the source text
            "'sourceLanguage', data -> 'sourceLanguage', 'translations', (select jsonb_object_agg(t ->> 'language', " +
            "jsonb_array_length(t -> 'texts')) from jsonb_array_elements(coalesce(data -> 'translations', '[]'::jsonb)) t), " +
            // a letter stored before the policy had email confirmation has no such field: it never asked for it
            "'publicSignOnNeedsEmailConfirmation', coalesce(data -> 'publicSignOnNeedsEmailConfirmation', 'false'::jsonb), " +
            // the block's collation: null on letters drafted before it was chosen per language (they keep the root)
            "'collation', data -> 'collation') " +
            $"from {options.DatabaseSchemaName}.mt_doc_letter where id = ?", letterId);
        return HeldTermsAsync(held, terms);
    }

    private sealed record HeldStream(long Version);

    private static async Task<SigningTerms?> HeldTermsAsync(Task<IReadOnlyList<HeldStream>> held, Task<IReadOnlyList<SigningTerms>> terms) =>
        (await held).Count == 0 ? null : (await terms).SingleOrDefault();
}

/// <summary>
/// What a sign-on is decided on: the letter's state, its current text version, deadline, verification policy, and the
/// languages it can be signed in (<see cref="Translations"/>: each translation's current version).
/// </summary>
public sealed record SigningTerms(Guid Id, LetterStatus Status, int TextVersion, DateTimeOffset? SignatureDeadline, bool PublicSignOnNeedsApproval,
    string? SourceLanguage = null, IReadOnlyDictionary<string, int>? Translations = null, bool PublicSignOnNeedsEmailConfirmation = false,
    string? Collation = null)
{
    public static SigningTerms Of(Letter letter) =>
        new(letter.Id, letter.Status, letter.TextVersion, letter.SignatureDeadline, letter.PublicSignOnNeedsApproval,
            letter.SourceLanguage, letter.Translations.ToDictionary(t => t.Language, t => t.Version),
            letter.PublicSignOnNeedsEmailConfirmation, letter.Collation);

    public int VersionIn(string? language) =>
        language is not null && Translations?.GetValueOrDefault(language) is { } version and > 0 ? version : TextVersion;

    public IEnumerable<string> Languages => [SourceLanguage ?? Letters.Languages.Default, .. Translations?.Keys ?? []];

    /// <summary>
    /// The text a sign-on asks for: null for the source (no language, or the source's), the translation's tag, or
    /// false when the letter has no text in that language.
    /// </summary>
    public bool TryChoose(string? requested, out string? translation)
    {
        translation = null;
        if (string.IsNullOrWhiteSpace(requested)) return true;
        var tag = Letters.Languages.Normalize(requested);
        if (tag is null) return false;
        if (string.Equals(tag, SourceLanguage ?? Letters.Languages.Default, StringComparison.OrdinalIgnoreCase)) return true;
        translation = Translations?.Keys.FirstOrDefault(k => string.Equals(k, tag, StringComparison.OrdinalIgnoreCase));
        return translation is not null;
    }
}
