using CampaignManager.Hosting;
using Marten;

namespace CampaignManager.Coalitions;

/// <summary>Organizations registered before names were claimed as keys get their keys at start-up (see UniqueName).</summary>
internal sealed class OrganizationNamesBackfill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await using var session = store.QuerySession();
        // merged organizations' names live on in their survivor's aliases
        var standing = await session.Query<Organization>().Where(o => o.MergedInto == null).ToListAsync(cancellation);
        await UniqueName.BackfillAsync(store, UniqueName.Organization,
            standing.SelectMany(o => o.Keys().Select(k => (k, o.Id))), cancellation);
    }
}
