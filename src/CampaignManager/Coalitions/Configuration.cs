using JasperFx.Events.Projections;
using Marten;

namespace CampaignManager.Coalitions;

public static class Configuration
{
    public static IServiceCollection AddCoalitions(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline: name uniqueness and merges are decided on it, so it must not lag a registration.
            opts.Projections.Snapshot<Organization>(SnapshotLifecycle.Inline);
            // Async: sign-ons never wait on them. Listed signatures first, the shard the health check names when all lag.
            CoalitionSignatureProjection.Register(opts);
            CoalitionLetterProjection.Register(opts);
        });
        services.InitializeMartenWith<OrganizationNamesBackfill>();
        services.AddSingleton<Letters.ICoalitionInboxes, CoalitionInboxes>();
        return services;
    }
}
