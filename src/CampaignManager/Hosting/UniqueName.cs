using Marten;

namespace CampaignManager.Hosting;

/// <summary>
/// A name that must mean one thing, held as a key document whose id is the normalized name: PostgreSQL's primary key
/// refuses a second one in the same transaction that writes the owner's events, so two staff registering the same
/// name at the same instant cannot both succeed (the loser's commit fails and answers 409). The read in each Validate
/// stays, for a friendly message naming the owner; this is what makes it true under concurrency.
/// The same mechanism as the sign-on dedupe keys (Signatures/SignerKey).
/// </summary>
public record UniqueName(string Id, Guid OwnerId)
{
    public const string Organization = "organization";
    public const string TargetList = "target-list";

    /// <summary>Inserts (never upserts) a key per distinct non-empty normalized name.</summary>
    public static void Claim(IDocumentSession session, string scope, IEnumerable<string> normalizedNames, Guid ownerId)
    {
        foreach (var name in normalizedNames.Where(n => n.Length > 0).Distinct())
            session.Insert(new UniqueName(Key(scope, name), ownerId));
    }

    /// <summary>Names that change hands (a merge): the keys exist already, so they are overwritten, not claimed.</summary>
    public static void Transfer(IDocumentSession session, string scope, IEnumerable<string> normalizedNames, Guid ownerId)
    {
        foreach (var name in normalizedNames.Where(n => n.Length > 0).Distinct())
            session.Store(new UniqueName(Key(scope, name), ownerId));
    }

    public static string Key(string scope, string normalizedName) => $"{scope}|{normalizedName}";
}
