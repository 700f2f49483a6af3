using JasperFx;

var builder = WebApplication.CreateBuilder(args);

try
{
    builder.AddCampaignManager(args);
}
catch (StartupProblem problem)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}

var app = builder.Build();

app.UseCampaignManagerInfrastructure();
app.MapHealth();
app.MapWolverineEndpoints(opts => opts.UseCampaignManagerHttpConventions(app.Configuration));

return await app.RunJasperFxCommands(args);

/// <summary>Visible to the test host (Alba's AlbaHost.For&lt;Program&gt;).</summary>
public partial class Program;
