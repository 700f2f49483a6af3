using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Appeals;

/// <summary>A host, a database and a real SMTP server of their own, so the appeal tests run in parallel with the rest.</summary>
[CollectionDefinition(Name)]
public class AppealsCollection : ICollectionFixture<AppealsFixture>
{
    public const string Name = "appeals";
}

public class AppealsFixture : AppFixture, IAsyncLifetime
{
    /// <summary>Short redeliveries so a relay outage of about half a minute is ridden out within a test.</summary>
    public static readonly TimeSpan[] RedeliveryDelays = [.. new[] { 1, 2, 3, 5, 5, 5, 5, 5, 5, 5, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))];

    public SmtpServerFixture Smtp { get; } = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.InitializeAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Smtp.DisposeAsync();
    }

    /// <summary>The app's settings for this fixture's SMTP server; also used for the app run as a separate process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> SettingsFor(SmtpServerFixture smtp)
    {
        var s = smtp.Settings();
        yield return new("Smtp:Host", s.Host);
        yield return new("Smtp:Port", s.Port.ToString());
        yield return new("Smtp:From", s.From);
        yield return new("Smtp:FromName", s.FromName!);
        yield return new("Smtp:Resilience:AttemptTimeout", s.Resilience.AttemptTimeout.ToString());
        yield return new("Smtp:Resilience:MaxRetryAttempts", s.Resilience.MaxRetryAttempts.ToString());
        yield return new("Smtp:Resilience:RetryBaseDelay", s.Resilience.RetryBaseDelay.ToString());
        yield return new("Smtp:Resilience:RetryMaxDelay", s.Resilience.RetryMaxDelay.ToString());
        yield return new("Smtp:Resilience:CircuitBreakerMinimumThroughput", s.Resilience.CircuitBreakerMinimumThroughput.ToString());
        yield return new("Smtp:Resilience:CircuitBreakerBreakDuration", s.Resilience.CircuitBreakerBreakDuration.ToString());
        for (var i = 0; i < RedeliveryDelays.Length; i++)
            yield return new($"Appeals:RedeliveryDelays:{i}", RedeliveryDelays[i].ToString());
    }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        foreach (var (key, value) in SettingsFor(Smtp)) builder.UseSetting(key, value);
        // The sender's Polly delays run on real time, not on the fixture's FakeTimeProvider: otherwise every retry
        // would wait for a test to advance the clock in the middle of a fan-out it cannot see. Event times still
        // come from the fake clock, so tests keep control of due dates and follow-ups.
        builder.ConfigureServices(services => services.AddSingleton(sp => new EmailSender(
            sp.GetRequiredService<IOptions<SmtpSettings>>(), TimeProvider.System, sp.GetRequiredService<ILogger<EmailSender>>())));
    }
}
