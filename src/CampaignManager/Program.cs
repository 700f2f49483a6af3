using CampaignManager.Appeals;
using CampaignManager.Campaigns;
using CampaignManager.Coalitions;
using CampaignManager.Hosting;
using CampaignManager.Letters;
using CampaignManager.Seeding;
using CampaignManager.Signatures;
using CampaignManager.Staff;
using CampaignManager.Targets;
using JasperFx;
using Wolverine.Http;

var builder = WebApplication.CreateBuilder(args);

try
{
    builder.AddCampaignManagerInfrastructure(args);
}
catch (StartupProblem problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}
builder.AddConsoleLogs();
builder.AddHealth();
builder.AddTelemetry();
builder.Services.AddLetters();
builder.Services.AddSignatures();
builder.Services.AddTargets();
builder.AddAppeals();
builder.Services.AddCampaigns();
builder.Services.AddCoalitions();
builder.AddSeeding();
builder.AddStaff();

var app = builder.Build();

app.UseCampaignManagerInfrastructure();
app.MapHealth();
app.MapWolverineEndpoints(opts => opts.UseCampaignManagerHttpConventions(app.Configuration));

return await app.RunJasperFxCommands(args);

/// <summary>Visible to the test host (Alba's AlbaHost.For&lt;Program&gt;).</summary>
public partial class Program;
