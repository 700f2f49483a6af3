namespace CampaignManager.Appeals;

/// <summary>
/// An idempotency key that sent an appeal, held as a key document whose id is (letter, caller, key): it is inserted in
/// the transaction that starts the appeal's streams, so PostgreSQL's primary key lets only one of two identical requests
/// commit, the same mechanism as the sign-on dedupe keys and unique names (Hosting/UniqueName). The fingerprint
/// tells a resubmission (same request, answered with the first appeal) from a reuse of the key for another request.
/// </summary>
public record AppealRequestKey(string Id, Guid AppealId, string Fingerprint)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 200;

    /// <summary>Scoped to the letter and the caller, so one person's key can never answer with someone else's appeal.</summary>
    public static string IdFor(Guid letterId, string caller, string key) => $"appeal|{letterId}|{caller}|{key}";

    /// <summary>
    /// Opens the request's transaction and takes a transaction-scoped advisory lock on the key before it is read, so an
    /// identical request arriving while the first is in flight waits for that commit and then answers with its appeal
    /// (instead of losing the insert race with a 409). The key's primary key stays the guarantee; the lock makes the
    /// answer the same. Released at commit or rollback; requests without a key never take it.
    /// </summary>
    public static Task HoldAsync(IDocumentSession session, string keyId, CancellationToken token) =>
        NamedLock.HoldAsync(session, keyId, token);

    /// <summary>
    /// What makes two requests the same: recipients as sets (order and repeats do not change who gets the letter), the
    /// channel, the cover message and the due date. A hash, so the key document never holds the cover message twice.
    /// </summary>
    public static string FingerprintOf(SendAppeal command)
    {
        var canonical = JsonSerializer.Serialize(new
        {
            targetIds = (command.TargetIds ?? []).Distinct().Order().ToArray(),
            targetListIds = (command.TargetListIds ?? []).Distinct().Order().ToArray(),
            channel = command.Channel?.ToString(),
            coverMessage = TextRules.TrimToNull(command.CoverMessage),
            responseDueBy = command.ResponseDueBy?.ToUniversalTime()
        });
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
