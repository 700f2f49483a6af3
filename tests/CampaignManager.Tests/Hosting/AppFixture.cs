using CampaignManager.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Wolverine;

namespace CampaignManager.Tests.Hosting;

/// <summary>The real application over a database of its own, shared by the tests of one collection.</summary>
public class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>Tests move time explicitly; every event's "when" comes from here.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));

    protected virtual void ConfigureSettings(IWebHostBuilder builder) { }

    public async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.CreateDatabaseAsync("cm");
        Host = await StartHostAsync(ConnectionString, Clock, ConfigureSettings);
    }

    /// <summary>The app as every fixture runs it, over the given database and clock; a test may start several in turn.</summary>
    public static Task<IAlbaHost> StartHostAsync(string connectionString, TimeProvider clock, Action<IWebHostBuilder> configure) =>
        AlbaHost.For<Program>(builder =>
        {
            // the environment the app ships in (WebApplicationFactory would choose Development); against a configured
            // database Production leaves the schema to db-apply, so the fixture asks for it as an operator may
            builder.UseEnvironment(Microsoft.Extensions.Hosting.Environments.Production);
            builder.UseSetting(SchemaPolicy.Setting, "All");
            builder.UseSetting("ConnectionStrings:Marten", connectionString);
            // tests sign in far more often than a person; the limit itself has its own fixture (limiting_sign_in_attempts)
            builder.UseSetting("Auth:SignInRateLimit:PermitLimit", "100000");
            // so does the sweep post to the partner form (rate_limiting_the_public_submit has the limit's own fixture)
            builder.UseSetting("PublicSignOn:RateLimit:PermitLimit", "100000");
            // Dozens of these hosts share one test process and its thread pool, where a stall of some seconds is routine
            // while the suite runs; the shipped 5 s stale timeout would then have a host declare itself dead and move its
            // agents (the webhook fan-out, the coalition projections) mid-test. So they keep the timing the suite ran
            // reliably with before the shipped defaults went to 1 s polling. The shipped defaults are what the app
            // processes of Hosting/three_nodes_survive_losing_one_mid_run and the webhook node test run.
            builder.UseSetting("Wolverine:Durability:HealthCheckPollingTime", "00:00:05");
            builder.UseSetting("Wolverine:Durability:StaleNodeTimeout", "00:00:30");
            builder.UseSetting("Wolverine:Durability:OrphanedMessageSweepPollingTime", "00:00:05");
            builder.UseSetting("Wolverine:Durability:ScheduledJobPollingTime", "00:00:05");
            builder.UseSetting("Wolverine:Durability:CheckAssignmentPeriod", "00:00:30");
            // No relay listens here: a revision's re-confirmation emails fail within a second instead of retrying for a minute
            // behind the tests' backs. Fixtures with a real SMTP server override this in ConfigureSettings.
            builder.UseSetting("Smtp:Resilience:MaxRetryAttempts", "1");
            builder.UseSetting("Smtp:Resilience:RetryBaseDelay", "00:00:00.1");
            configure(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(clock);
                // one node is enough for a test: skips leader election and starts faster
                services.RunWolverineInSoloMode();
                services.AddAuthentication()
                    .AddScheme<AuthenticationSchemeOptions, TestStaffAuthentication>(TestStaffAuthentication.Scheme, _ => { });
                // acting as an editor by default; real credentials and explicit anonymity go to production's schemes
                services.PostConfigure<PolicySchemeOptions>(StaffAuthentication.Scheme, o =>
                {
                    var production = o.ForwardDefaultSelector!;
                    o.ForwardDefaultSelector = context => TestStaffAuthentication.SelectScheme(context, production);
                });
            });
        });

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}
