namespace CampaignManager.Coalitions;

public static class Configuration
{
    public static IServiceCollection AddCoalitions(this IServiceCollection services)
    {
        services.ConfigureMarten(opts =>
        {
            // Async: sign-ons never wait on them. Listed signatures first, the shard the health check names when all lag.
            CoalitionSignatureProjection.Register(opts);
            CoalitionLetterProjection.Register(opts);
        });
        services.InitializeMartenWith<CoalitionNameKeysBackfill>();
        services.AddSingleton<Letters.ICoalitionInboxes, CoalitionInboxes>();
        return services;
    }
}
