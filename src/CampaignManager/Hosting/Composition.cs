using CampaignManager.Appeals;
using CampaignManager.Campaigns;
using CampaignManager.Coalitions;
using CampaignManager.Letters;
using CampaignManager.Organizations;
using CampaignManager.Partners;
using CampaignManager.Seeding;
using CampaignManager.Signatures;
using CampaignManager.Staff;
using CampaignManager.Targets;

namespace CampaignManager.Hosting;

/// <summary>
/// Every capability the app is made of, registered in one call. Program runs it; the benchmark harness runs it too and
/// builds (never starts) the host, so its baseline reads and rebuilds use the app's own Marten store and schema instead
/// of a copy of the options that drifts.
/// </summary>
public static class Composition
{
    public static void AddCampaignManager(this WebApplicationBuilder builder, string[] args)
    {
        Collation.RequireIcu();
        Collation.UseInvariantCulture();
        builder.AddCampaignManagerInfrastructure(args);
        builder.AddConsoleLogs(args);
        builder.AddHealth();
        builder.AddTelemetry();
        builder.Services.AddLetters();
        builder.Services.AddSignatures();
        builder.Services.AddTargets();
        builder.AddAppeals();
        builder.Services.AddCampaigns();
        builder.Services.AddOrganizations();
        builder.Services.AddCoalitions();
        builder.Services.AddPartners();
        builder.AddSeeding();
        builder.AddStaff();
        builder.AddDeadlines();
    }
}
