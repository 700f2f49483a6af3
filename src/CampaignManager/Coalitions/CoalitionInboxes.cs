using CampaignManager.Campaigns;
using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Coalitions;

/// <summary>
/// A letter's coalition: the organizations that signed it or another letter of a campaign it belongs to, reached at the
/// email they signed with (organizations keep no address of their own).
/// </summary>
public sealed class CoalitionInboxes : ICoalitionInboxes
{
    public async Task<IReadOnlyList<string>> AddressesAsync(IQuerySession session, Guid letterId, CancellationToken token)
    {
        var campaigns = await session.Query<Campaign>().Where(c => c.Letters.Any(l => l.LetterId == letterId)).ToListAsync(token);
        var letters = campaigns.SelectMany(c => c.Letters.Select(l => l.LetterId)).Append(letterId).Distinct().ToArray();
        var emails = await session.Query<Signature>()
            .Where(s => letters.Contains(s.LetterId) && s.Kind == SignatoryKind.Organization && s.Status == SignatureStatus.Active && s.Email != null)
            .Select(s => s.Email!).ToListAsync(token);
        return emails.Select(e => e.Trim().ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
