namespace CampaignManager.Targets;

public static class Configuration
{
    public static IServiceCollection AddTargets(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            TargetDetailsProjection.Register(opts);
            // Inline like letters: list names are checked for uniqueness against this document, so it must not lag.
            opts.Projections.Snapshot<TargetList>(SnapshotLifecycle.Inline);
            opts.Schema.For<TargetList>().Index(x => x.Name);
        });
        services.InitializeMartenWith<TargetListNamesBackfill>();
        return services;
    }
}
