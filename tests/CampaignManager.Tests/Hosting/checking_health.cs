using Marten.Events;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Wolverine.Marten;
using static CampaignManager.Tests.Campaigns.CampaignApi;

namespace CampaignManager.Tests.Hosting;

[Collection(HealthCollection.Name)]
public class checking_health(HealthFixture fixture) : IntegrationContext(fixture)
{
    private async Task<HealthAnswer> HealthAsync(string path, int expected)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(path);
            x.StatusCodeShouldBe(expected);
            x.ContentTypeShouldBe("application/json; charset=utf-8");
        });
        return result.ReadAsJson<HealthAnswer>()!;
    }

    private async Task<long> LastEventSequenceAsync() =>
        (await Store.Advanced.FetchEventStoreStatistics()).EventSequenceNumber;

    private Task RegisterOrganizationsAsync(int count) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Host.PostAsync("/api/organizations", new { name = $"Organization {Guid.NewGuid():N}" }, 201)));

    [Fact]
    public async Task the_live_check_answers_200_without_touching_any_dependency()
    {
        var live = await HealthAsync("/health/live", 200);

        live.Status.ShouldBe("Healthy");
        live.Checks.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_ready_check_reports_postgresql_the_durability_agent_and_caught_up_projections()
    {
        await RegisterOrganizationsAsync(1); // catching up needs some event activity to wait for
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync(); // caught up, daemon running

        var ready = await HealthAsync("/health/ready", 200);

        ready.Status.ShouldBe("Healthy");
        ready.Checks.Select(c => c.Name).ShouldBe(["postgresql", "schema", "wolverine", "projections"], ignoreOrder: true);
        ready["postgresql"].Status.ShouldBe("Healthy");
        ready["schema"].Description.ShouldBe("The app applies schema changes itself (Database:AutoCreate All)");
        ready["postgresql"].Description.ShouldStartWith("PostgreSQL 1");
        // the test hosts run Wolverine in Solo mode: this node must run the durability agent itself
        ready["wolverine"].Status.ShouldBe("Healthy");
        ready["wolverine"].Data["mode"].GetString().ShouldBe("Solo");
        ready["wolverine"].Data["durabilityAgentsHere"].EnumerateArray().Select(u => u.GetString()).ShouldContain(u => u!.StartsWith("wolverinedb://"));
        ready["projections"].Status.ShouldBe("Healthy");
        ready["projections"].Data["lag:CoalitionSignature:All"].GetInt64().ShouldBe(0);
        ready["projections"].Data["highWaterMark"].GetInt64().ShouldBe(await LastEventSequenceAsync());
        ready["projections"].Data["lag:HighWaterMark"].GetInt64().ShouldBe(0);
    }

    [Fact]
    public async Task the_ready_check_reports_projection_lag_as_degraded_then_unhealthy_and_recovers_once_caught_up()
    {
        await RegisterOrganizationsAsync(1);
        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync(CatchUpMode.AndDoNothing);
        var caughtUpTo = await LastEventSequenceAsync();

        // events the paused daemon cannot project; the mark is moved as the high-water agent would
        await RegisterOrganizationsAsync(HealthFixture.DegradedAfter);
        await Store.Advanced.AdvanceHighWaterMarkToLatestAsync(CancellationToken.None);
        var lag = await LastEventSequenceAsync() - caughtUpTo;
        lag.ShouldBeInRange(HealthFixture.DegradedAfter, HealthFixture.UnhealthyAfter - 1);

        var degraded = await HealthAsync("/health/ready", 200);
        degraded.Status.ShouldBe("Degraded");
        degraded["projections"].Status.ShouldBe("Degraded");
        degraded["projections"].Data["lag:CoalitionSignature:All"].GetInt64().ShouldBe(lag);
        degraded["projections"].Data["lag:HighWaterMark"].GetInt64().ShouldBe(0);
        degraded["projections"].Description.ShouldBe(
            $"CoalitionSignature:All is {lag} event(s) behind the high-water mark {caughtUpTo + lag} (degraded from {HealthFixture.DegradedAfter})");

        await RegisterOrganizationsAsync(HealthFixture.UnhealthyAfter);
        await Store.Advanced.AdvanceHighWaterMarkToLatestAsync(CancellationToken.None);
        var unhealthy = await HealthAsync("/health/ready", 503);
        unhealthy["projections"].Status.ShouldBe("Unhealthy");
        unhealthy["projections"].Data["lag:CoalitionSignature:All"].GetInt64().ShouldBe(await LastEventSequenceAsync() - caughtUpTo);
        unhealthy["postgresql"].Status.ShouldBe("Healthy");

        await ((IHost)Host).PauseThenCatchUpOnMartenDaemonActivityAsync(); // catch up and resume
        var recovered = await HealthAsync("/health/ready", 200);
        recovered["projections"].Status.ShouldBe("Healthy");
        recovered["projections"].Data["lag:CoalitionSignature:All"].GetInt64().ShouldBe(0);
    }

    [Fact]
    public void telemetry_is_not_registered_when_no_otlp_endpoint_is_set()
    {
        Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT").ShouldBeNull();

        Host.Services.GetService<TracerProvider>().ShouldBeNull();
        Host.Services.GetService<MeterProvider>().ShouldBeNull();
    }
}
