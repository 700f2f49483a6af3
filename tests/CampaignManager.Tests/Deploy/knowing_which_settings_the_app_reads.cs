namespace CampaignManager.Tests.Deploy;

/// <summary>The yardstick the deploy files are measured with: it must accept real settings and refuse typos.</summary>
public class knowing_which_settings_the_app_reads
{
    [Theory]
    [InlineData("ConnectionStrings__Marten")]              // Database.ConnectionStringName
    [InlineData("Smtp__Host")]                             // SmtpSettings, bound from section Smtp
    [InlineData("Smtp__Resilience__MaxRetryAttempts")]     // ... and its nested options
    [InlineData("Appeals__RedeliveryDelays__0")]           // an array element of AppealDeliverySettings
    [InlineData("Seeds__LoadOnStart")]                     // read by name in Seeding/Configuration.cs
    [InlineData("Wolverine__Solo")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]                  // framework, from the allow-list
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")]
    public void a_setting_the_app_or_its_framework_reads_is_accepted(string variable) =>
        AppSettings.IsReadByApp(variable).ShouldBeTrue();

    [Theory]
    [InlineData("Smtp__Hostname")]
    [InlineData("Smtp_Host")]                              // one underscore is not a section separator
    [InlineData("Seeds__LoadOnStartup")]
    [InlineData("ConnectionStrings__Postgres")]
    [InlineData("Smtp__Resilience__0")]                    // Resilience is an object, not a list
    [InlineData("DATABASE_URL")]
    public void a_variable_nothing_reads_is_refused(string variable) =>
        AppSettings.IsReadByApp(variable).ShouldBeFalse();
}
