using JasperFx.Events.Projections;
using Marten;

namespace CampaignManager.Signatures;

public static class Configuration
{
    public static IServiceCollection AddSignatures(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline and one document per signature stream: no two sign-ons ever write the same row.
            opts.Projections.Snapshot<Signature>(SnapshotLifecycle.Inline);
            opts.Schema.For<Signature>().Index(x => x.LetterId);
            opts.Schema.For<SignerKey>().Identity(x => x.Id);
        });
        services.AddPublicSignOnLimits();
        return services;
    }
}
