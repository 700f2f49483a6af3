using CampaignManager.Appeals.Inbox;
using CampaignManager.Hosting.Email;
using MailKit.Security;

namespace CampaignManager.Tests.Appeals.Inbox;

public class configuring_the_inbox
{
    [Fact]
    public void without_a_host_the_mailbox_is_not_read_and_nothing_else_is_required()
    {
        var settings = new InboxSettings();

        settings.Enabled.ShouldBeFalse();
        settings.Problem().ShouldBeNull();
    }

    [Fact]
    public void a_host_needs_credentials_and_plain_text_is_only_allowed_to_a_loopback_host()
    {
        new InboxSettings { Host = "imap.example.org" }.Problem().ShouldBe("Inbox:UserName and Inbox:Password are required with Inbox:Host");
        new InboxSettings { Host = "imap.example.org", UserName = "appeals", Password = "x", Security = SmtpSecurity.None }.Problem()
            .ShouldBe("Inbox:Security None is only allowed to a loopback host");
        new InboxSettings { Host = "127.0.0.1", UserName = "appeals", Password = "x", Security = SmtpSecurity.None }.Problem().ShouldBeNull();
    }

    [Theory]
    [InlineData(SmtpSecurity.Auto, null, 143, SecureSocketOptions.StartTls)]
    [InlineData(SmtpSecurity.Auto, 993, 993, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.Tls, null, 993, SecureSocketOptions.SslOnConnect)]
    [InlineData(SmtpSecurity.StartTls, 1143, 1143, SecureSocketOptions.StartTls)]
    public void the_connection_is_protected_as_for_smtp(SmtpSecurity security, int? port, int expectedPort, SecureSocketOptions expected)
    {
        var settings = new InboxSettings { Host = "imap.example.org", UserName = "appeals", Password = "x", Security = security, Port = port };

        (settings.EffectivePort, settings.SocketOptions).ShouldBe((expectedPort, expected));
    }
}
