namespace CampaignManager.Organizations;

/// <summary>
/// The registry of organizations and the names they sign under. It stands apart from Coalitions because sign-on reads
/// it (an alias is the organization's signature) while the coalition views are built from signatures: with the registry
/// inside Coalitions, Signatures and Coalitions would each depend on the other.
/// </summary>
public static class Configuration
{
    public static IServiceCollection AddOrganizations(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Inline: name uniqueness and merges are decided on it, so it must not lag a registration.
            opts.Projections.Snapshot<Organization>(SnapshotLifecycle.Inline);
        });
        services.InitializeMartenWith<OrganizationNamesBackfill>();
        return services;
    }
}
