using CampaignManager.Hosting.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Appeals.Inbox;

/// <summary>The app with a real SMTP server to send appeals through and a real IMAP mailbox that answers come back to.</summary>
[CollectionDefinition(Name)]
public class InboxCollection : ICollectionFixture<InboxFixture>
{
    public const string Name = "inbox";
}

public class InboxFixture : AppFixture, IAsyncLifetime
{
    public SmtpServerFixture Smtp { get; } = new();
    public ImapServerFixture Imap { get; } = new();

    async Task IAsyncLifetime.InitializeAsync()
    {
        await Smtp.InitializeAsync();
        await Imap.InitializeAsync();
        await InitializeAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await Imap.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override void ConfigureSettings(IWebHostBuilder builder) => Configure(builder, Smtp, Imap);

    /// <summary>What every inbox test host gets: both servers, and the SMTP sender's retries on real time (see AppealsFixture).</summary>
    public static void Configure(IWebHostBuilder builder, SmtpServerFixture smtp, ImapServerFixture imap, bool useIdle = true)
    {
        foreach (var (key, value) in AppealsFixture.SettingsFor(smtp).Concat(imap.Settings(useIdle))) builder.UseSetting(key, value);
        builder.UseSetting("Inbox:SoftBounceRetryDelay", "00:00:01");
        builder.ConfigureServices(services => services.AddSingleton(sp => new EmailSender(
            sp.GetRequiredService<IOptions<SmtpSettings>>(), TimeProvider.System, sp.GetRequiredService<ILogger<EmailSender>>())));
    }
}
