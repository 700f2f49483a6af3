using CampaignManager.Hosting;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignManager.Benchmarks.Harness;

/// <summary>
/// The app's own Marten store (every capability's schema, projections and serializer), from the app's composition with
/// the given connection string. The host is built and never started: no Wolverine listeners, no projection daemon.
/// </summary>
public sealed class AppStore : IAsyncDisposable
{
    private readonly WebApplication _host;

    private AppStore(WebApplication host)
    {
        _host = host;
        Store = host.Services.GetRequiredService<IDocumentStore>();
    }

    public IDocumentStore Store { get; }

    /// <param name="createSchema">True for a database the harness fills itself; false reads the schema the app created.</param>
    public static AppStore For(string connectionString, bool createSchema)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [], ContentRootPath = AppContext.BaseDirectory, EnvironmentName = Environments.Production,
            ApplicationName = typeof(Composition).Assembly.GetName().Name
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Marten"] = connectionString,
            [SchemaPolicy.Setting] = createSchema ? "All" : "None",
            ["Seeds:LoadOnStart"] = "false",
            ["Logging:LogLevel:Default"] = "Warning"
        });
        builder.AddCampaignManager([]);
        return new AppStore(builder.Build());
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
