using CampaignManager.Appeals;
using CampaignManager.Campaigns;
using CampaignManager.Letters;
using CampaignManager.Seeding;
using CampaignManager.Signatures;
using CampaignManager.Targets;
using CampaignManager.Tests.Seeding;
using Microsoft.Extensions.Configuration;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// "As of" views and decisions fold streams in memory; the live views read the snapshots Marten stored. The two must
/// be the same object for every stream, or a past view and today's view of the same moment would disagree.
/// </summary>
[Collection(SeedingCollection.Name)]
public class folding_events_in_memory(AppFixture fixture) : IntegrationContext(fixture)
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var seeds = CampaignManager.Seeding.Configuration.SeedDirectory(new ConfigurationBuilder().Build(), AppContext.BaseDirectory)!;
        (await Host.Services.GetRequiredService<SeedLoader>().LoadDirectoryAsync(seeds)).ShouldAllBe(r => r.Problem == null);
    }

    [Fact]
    public async Task every_seeded_letter_folds_to_its_stored_snapshot() => await FoldsMatchAsync<Letter>(l => l.Id, Letter.Fold);

    [Fact]
    public async Task every_seeded_signature_folds_to_its_stored_snapshot() => await FoldsMatchAsync<Signature>(s => s.Id, Signature.Fold);

    [Fact]
    public async Task every_seeded_campaign_folds_to_its_stored_snapshot() => await FoldsMatchAsync<Campaign>(c => c.Id, Campaign.Fold);

    [Fact]
    public async Task every_seeded_target_list_folds_to_its_stored_snapshot() => await FoldsMatchAsync<TargetList>(l => l.Id, TargetList.Fold);

    [Fact]
    public async Task every_seeded_appeal_recipient_folds_to_its_stored_snapshot() =>
        await FoldsMatchAsync<AppealRecipient>(r => r.Id, AppealRecipient.Fold);

    private async Task FoldsMatchAsync<T>(Func<T, Guid> id, Func<IEnumerable<object>, T?> fold) where T : class
    {
        await using var session = Store.QuerySession();
        var stored = await session.Query<T>().ToListAsync();
        stored.ShouldNotBeEmpty($"the seeds hold no {typeof(T).Name} to compare");
        var serializer = Store.Options.Serializer();
        foreach (var snapshot in stored)
        {
            var events = await session.Events.FetchStreamAsync(id(snapshot));
            var folded = fold(events.Select(e => e.Data)).ShouldNotBeNull();
            serializer.ToJson(folded).ShouldBe(serializer.ToJson(snapshot), $"{typeof(T).Name} {id(snapshot)}");
        }
    }
}
