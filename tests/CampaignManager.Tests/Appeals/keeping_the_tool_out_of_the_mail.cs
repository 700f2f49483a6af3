using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// Recipients are often the governments a letter criticises: nothing in a message may fingerprint the tool, and a
/// password given to the relay must never cross the network in clear.
/// </summary>
[Collection(SmtpCollection.Name)]
public class keeping_the_tool_out_of_the_mail(SmtpServerFixture smtp)
{
    private readonly RecordingLogger<EmailSender> _log = new();

    private EmailSender Sender(SmtpSettings settings) => new(Options.Create(settings), TimeProvider.System, _log);

    [Fact]
    public async Task a_received_appeal_names_no_tool_and_its_message_id_is_in_the_senders_domain()
    {
        var address = $"target-{Guid.NewGuid():N}@state.example";
        var content = rendering_an_appeal_email.Content(address) with { AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid() };
        var settings = smtp.Settings();
        settings.From = "appeals@coalition.example";

        var result = await Sender(settings).SendAsync(content);

        result.ShouldBeOfType<DeliveryResult.Sent>();
        var message = smtp.MessagesTo(address).ShouldHaveSingleItem().Message;
        message.MessageId.ShouldBe($"appeal-{content.AppealId:N}-{content.TargetId:N}@coalition.example");
        foreach (var header in message.Headers)
        {
            $"{header.Field}: {header.Value}".ShouldNotContain("campaignmanager", Case.Insensitive);
            header.Field.ShouldNotStartWith("X-", Case.Insensitive);
        }
    }

    [Fact]
    public async Task with_credentials_a_relay_that_offers_no_starttls_is_refused_before_anything_is_sent()
    {
        var address = $"target-{Guid.NewGuid():N}@state.example";
        var content = rendering_an_appeal_email.Content(address) with { AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid() };
        var settings = smtp.Settings(r => r.MaxRetryAttempts = 1);
        (settings.UserName, settings.Password) = ("campaigns", "secret"); // Security stays at its default, Auto

        var result = await Sender(settings).SendAsync(content);

        result.ShouldBeOfType<DeliveryResult.Failed>().Reason.ShouldContain("STARTTLS", Case.Insensitive);
        smtp.MessagesTo(address).ShouldBeEmpty();
    }
}
