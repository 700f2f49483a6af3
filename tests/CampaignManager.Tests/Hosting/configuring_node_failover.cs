using Microsoft.Extensions.Configuration;
using Wolverine;

namespace CampaignManager.Tests.Hosting;

public class configuring_node_failover
{
    private static DurabilitySettings Apply(Dictionary<string, string?> settings)
    {
        var options = new WolverineOptions();
        options.UseNodeFailoverSettings(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return options.Durability;
    }

    [Fact]
    public void without_a_section_a_dead_node_is_declared_stale_after_30_seconds_of_5_second_heartbeats()
    {
        var d = Apply([]);

        d.HealthCheckPollingTime.ShouldBe(TimeSpan.FromSeconds(1));
        d.StaleNodeTimeout.ShouldBe(TimeSpan.FromSeconds(5));
        d.StaleNodeEjectionThreshold.ShouldBe(2);
        d.OrphanedMessageSweepPollingTime.ShouldBe(TimeSpan.FromSeconds(1));
        d.ScheduledJobPollingTime.ShouldBe(TimeSpan.FromSeconds(1));
        d.CheckAssignmentPeriod.ShouldBe(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void the_section_reaches_wolverines_durability_settings()
    {
        var d = Apply(new()
        {
            ["Wolverine:Durability:HealthCheckPollingTime"] = "00:00:02",
            ["Wolverine:Durability:StaleNodeTimeout"] = "00:00:10",
            ["Wolverine:Durability:StaleNodeEjectionThreshold"] = "3",
            ["Wolverine:Durability:OrphanedMessageSweepPollingTime"] = "00:00:02",
            ["Wolverine:Durability:ScheduledJobPollingTime"] = "00:00:03",
            ["Wolverine:Durability:CheckAssignmentPeriod"] = "00:00:04",
        });

        d.HealthCheckPollingTime.ShouldBe(TimeSpan.FromSeconds(2));
        d.StaleNodeTimeout.ShouldBe(TimeSpan.FromSeconds(10));
        d.StaleNodeEjectionThreshold.ShouldBe(3);
        d.OrphanedMessageSweepPollingTime.ShouldBe(TimeSpan.FromSeconds(2));
        d.ScheduledJobPollingTime.ShouldBe(TimeSpan.FromSeconds(3));
        d.CheckAssignmentPeriod.ShouldBe(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void a_stale_timeout_within_three_heartbeats_is_refused_at_start_up()
    {
        var refused = Should.Throw<InvalidOperationException>(() => Apply(new()
        {
            ["Wolverine:Durability:HealthCheckPollingTime"] = "00:00:10",
            ["Wolverine:Durability:StaleNodeTimeout"] = "00:00:20",
        }));

        refused.Message.ShouldContain("StaleNodeTimeout");
        refused.Message.ShouldContain("HealthCheckPollingTime");
    }
}
