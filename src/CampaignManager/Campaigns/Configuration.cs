namespace CampaignManager.Campaigns;

public static class Configuration
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline: commands decide on it (duplicate letters, known outcomes) and the list must not lag a launch.
            opts.Projections.Snapshot<Campaign>(SnapshotLifecycle.Inline);
            opts.Schema.For<Campaign>().Index(x => x.LaunchedAt);
        });
        return services;
    }
}
