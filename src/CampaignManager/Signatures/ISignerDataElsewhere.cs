namespace CampaignManager.Signatures;

/// <summary>
/// Another capability that copied a signer's printed line out of the letter (an appeal sent to its targets), asked to
/// erase it there too. Owned here and implemented there, so Signatures need not know who they are; called in-process
/// with the data, because a durable message would write the very name being erased into the envelope tables.
/// </summary>
public interface ISignerDataElsewhere
{
    Task EraseAsync(IDocumentStore store, Guid letterId, SignerErasure.Data data, DateTimeOffset at, CancellationToken token);
}
