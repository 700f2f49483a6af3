namespace CampaignManager.Letters;

public static class Configuration
{
    public static IServiceCollection AddLetters(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline: the letter document changes in the same transaction as its events, so a 409 on a stale
            // version and the list views never lag behind a command.
            opts.Projections.Snapshot<Letter>(SnapshotLifecycle.Inline);
            // the public page finds its letter by token alone, on every visit: an index lookup, not a scan of letters
            opts.Schema.For<Letter>()
                .Index(x => x.Status)
                .Index(x => x.LastChangedAt)
                .Index(x => x.PublicToken);
        });
        return services;
    }
}
