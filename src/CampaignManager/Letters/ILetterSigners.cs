namespace CampaignManager.Letters;

/// <summary>A signer left out of the final block, and why: <see cref="ILetterSigners.Drop"/> records it as a withdrawal.</summary>
public record DroppedSigner(Guid SignatureId, Guid LetterId, string Reason, string By, DateTimeOffset At);

/// <summary>A signature as finalizing weighs it: in the block or not, and the text version it stands on.</summary>
public interface IBlockSigner
{
    Guid Id { get; }
    int SignedVersion { get; }
    /// <summary>The translation signed (null: the source text); <see cref="SignedVersion"/> counts in it.</summary>
    string? Language { get; }
    bool InBlock { get; }
}

/// <summary>
/// What Letters asks about a letter's signers: the list's counts and finalizing's choice. Letters declares it and
/// Signatures implements it (Signatures/LetterSigners.cs), so the dependency runs one way: signatures decide on the
/// letter, and the letter never reads signatures itself.
/// </summary>
public interface ILetterSigners
{
    /// <summary>How many signatories each letter's block has now (a letter without any is left out).</summary>
    Task<IReadOnlyDictionary<Guid, int>> SignatoriesAsync(IQuerySession session, Guid[] letterIds, CancellationToken token);

    /// <summary>The signers in the block still on an older version of the text they signed, in its language.</summary>
    Task<IReadOnlyList<IBlockSigner>> BehindAsync(IQuerySession session, Letter letter, CancellationToken token);

    /// <summary>Appends each dropped signer's withdrawal to <paramref name="session"/>: it commits with the letter's event.</summary>
    void Drop(IDocumentSession session, IEnumerable<DroppedSigner> dropped);
}
