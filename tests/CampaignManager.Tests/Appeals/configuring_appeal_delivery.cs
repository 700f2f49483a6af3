using CampaignManager.Appeals;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Appeals;

public class configuring_appeal_delivery
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddAppealDelivery(configuration)
            .BuildServiceProvider();
    }

    [Fact]
    public void without_an_smtp_section_delivery_goes_to_localhost_port_25_from_a_placeholder_address()
    {
        using var services = Services([]);

        var settings = services.GetRequiredService<IOptions<SmtpSettings>>().Value;
        settings.Host.ShouldBe("localhost");
        settings.Port.ShouldBe(25);
        settings.From.ShouldBe("appeals@localhost");
        settings.Security.ShouldBe(SmtpSecurity.Auto);
        settings.Resilience.MaxRetryAttempts.ShouldBeGreaterThan(0);
        services.GetRequiredService<IEmailSender>().ShouldBeOfType<AppealEmailSender>();
        services.GetRequiredService<EmailSender>().ShouldBeSameAs(services.GetRequiredService<EmailSender>(), "one sender, so its circuit breaker sees every send");
    }

    [Fact]
    public void the_smtp_section_sets_server_sender_credentials_and_resilience_numbers()
    {
        using var services = Services(new()
        {
            ["Smtp:Host"] = "relay.example",
            ["Smtp:Port"] = "587",
            ["Smtp:From"] = "campaigns@coalition.example",
            ["Smtp:FromName"] = "Coalition",
            ["Smtp:Security"] = "StartTls",
            ["Smtp:UserName"] = "campaigns",
            ["Smtp:Password"] = "secret",
            ["Smtp:Resilience:MaxRetryAttempts"] = "2",
            ["Smtp:Resilience:RetryBaseDelay"] = "00:00:00.250",
        });

        var settings = services.GetRequiredService<IOptions<SmtpSettings>>().Value;
        (settings.Host, settings.Port, settings.From, settings.FromName).ShouldBe(("relay.example", 587, "campaigns@coalition.example", "Coalition"));
        settings.Security.ShouldBe(SmtpSecurity.StartTls);
        (settings.UserName, settings.Password).ShouldBe(("campaigns", "secret"));
        settings.Resilience.MaxRetryAttempts.ShouldBe(2);
        settings.Resilience.RetryBaseDelay.ShouldBe(TimeSpan.FromMilliseconds(250));
        var from = services.GetRequiredService<EmailSender>().From;
        (from.Name, from.Address).ShouldBe(("Coalition", "campaigns@coalition.example"));
    }

    [Fact]
    public void an_invalid_sender_address_is_refused_when_the_settings_are_read()
    {
        using var services = Services(new() { ["Smtp:From"] = "not an address" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpSettings>>().Value);
        error.Message.ShouldContain("From");
    }

    [Fact]
    public void credentials_with_security_none_are_refused_when_the_settings_are_read_with_a_message_saying_why()
    {
        using var services = Services(new() { ["Smtp:UserName"] = "campaigns", ["Smtp:Password"] = "secret", ["Smtp:Security"] = "None" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpSettings>>().Value);
        error.Message.ShouldContain("Smtp:Security is None");
        error.Message.ShouldContain("unencrypted");
    }

    [Theory]
    [InlineData(null, null, "Auto", 25, "None")]
    [InlineData("campaigns", "secret", "Auto", 587, "StartTls")]
    [InlineData("campaigns", "secret", "Auto", 465, "SslOnConnect")]
    [InlineData(null, null, "StartTls", 25, "StartTls")]
    [InlineData(null, null, "Tls", 465, "SslOnConnect")]
    public void tls_is_used_whenever_credentials_are_set_unless_another_protection_is_chosen(
        string? user, string? password, string security, int port, string expected)
    {
        var settings = new SmtpSettings { UserName = user, Password = password, Security = Enum.Parse<SmtpSecurity>(security), Port = port };
        EmailSender.SocketOptions(settings).ToString().ShouldBe(expected);
    }

    [Fact]
    public void a_resilience_number_polly_refuses_is_reported_when_the_settings_are_read()
    {
        using var services = Services(new() { ["Smtp:Resilience:CircuitBreakerBreakDuration"] = "00:00:00.010" });

        var error = Should.Throw<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpSettings>>().Value);
        error.Message.ShouldContain("Smtp:Resilience is invalid");
        error.Message.ShouldContain("BreakDuration");
    }
}
