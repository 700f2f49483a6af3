namespace CampaignManager.Targets;

/// <summary>Target lists created before names were claimed as keys get their keys at start-up (see UniqueName).</summary>
internal sealed class TargetListNamesBackfill : Marten.Schema.IInitialData
{
    public async Task Populate(IDocumentStore store, CancellationToken cancellation)
    {
        await UniqueName.BackfillAsync(store, UniqueName.TargetList, async session =>
            (await session.Query<TargetList>().Select(l => new { l.Id, l.Name }).ToListAsync(cancellation))
            .Select(l => (CreateTargetListEndpoint.NameKey(l.Name), l.Id)), cancellation);
    }
}
