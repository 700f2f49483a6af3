namespace CampaignManager.Organizations;

/// <summary>Organizations registered before names were claimed as keys get their keys at start-up (see UniqueName).</summary>
internal sealed class OrganizationNamesBackfill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        // merged organizations' names live on in their survivor's aliases
        await UniqueName.BackfillAsync(store, UniqueName.Organization, async session =>
            (await session.Query<Organization>().Where(o => o.MergedInto == null).ToListAsync(cancellation))
            .SelectMany(o => o.Keys().Select(k => (k, o.Id))), cancellation);
    }
}
