namespace CampaignManager.Signatures;

public static class Configuration
{
    public static IServiceCollection AddSignatures(this IServiceCollection services)
    {
        return services;
    }
}
