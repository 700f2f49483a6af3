namespace CampaignManager.Partners;

public static class Configuration
{
    public static IServiceCollection AddPartners(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline: the public form finds the partner by its code at once, and a new partner's link works at once.
            opts.Projections.Snapshot<SignOnPartner>(SnapshotLifecycle.Inline);
            opts.Schema.For<SignOnPartner>().Index(x => x.LetterId);
        });
        services.AddSingleton<Signatures.ISignOnPartners, SignOnPartners>();
        return services;
    }
}
