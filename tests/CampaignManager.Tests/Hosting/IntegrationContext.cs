using Wolverine.Tracking;

namespace CampaignManager.Tests.Hosting;

[CollectionDefinition(Name)]
public class IntegrationCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "integration";
}

/// <summary>
/// Base for HTTP tests: every test starts from an empty database, and tracked calls wait until all the
/// Wolverine work a request caused has finished, never a sleep.
/// </summary>
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public virtual async Task InitializeAsync() => await Host.ResetAllMartenDataAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    protected Task<IScenarioResult> Scenario(Action<Scenario> configure) => Host.Scenario(configure);

    protected async Task<(ITrackedSession, IScenarioResult)> TrackedHttpCall(Action<Scenario> configure)
    {
        IScenarioResult result = null!;
        var tracked = await Host.ExecuteAndWaitAsync(async () => result = await Host.Scenario(configure));
        return (tracked, result);
    }
}
