using CampaignManager.Letters;
using Marten;

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
}
