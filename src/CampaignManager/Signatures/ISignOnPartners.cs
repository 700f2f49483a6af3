namespace CampaignManager.Signatures;

/// <summary>
/// Which coalition partner a partner's code names on a letter. Owned here, implemented by Partners, so the public page
/// can attribute a signature without the two capabilities depending on each other both ways.
/// </summary>
public interface ISignOnPartners
{
    /// <summary>The partner with this code on this letter, or null for none, an unknown code or another letter's.</summary>
    Task<Guid?> FindAsync(IQuerySession session, Guid letterId, string? code, CancellationToken token);
}
