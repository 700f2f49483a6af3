using MimeKit;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Appeals;

[Collection(SmtpCollection.Name)]
public class delivering_an_appeal_email(SmtpServerFixture smtp)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly RecordingLogger<EmailSender> _log = new();

    private EmailSender Sender(SmtpSettings settings) => new(Options.Create(settings), TimeProvider.System, _log);

    [Fact]
    public async Task the_server_receives_the_letter_for_the_target_with_subject_message_id_and_signatories()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);

        var result = await Sender(smtp.Settings()).SendAsync(content);

        var messageId = AppealEmail.MessageIdFor(content.AppealId, content.TargetId, smtp.Settings().From);
        var sent = result.ShouldBeOfType<DeliveryResult.Sent>();
        sent.MessageId.ShouldBe(messageId);
        var received = smtp.MessagesTo(address).ShouldHaveSingleItem();
        // the receipt: the relay, its final reply, and the bytes it was given (the same message the server stored)
        var receipt = sent.Receipt.ShouldNotBeNull();
        receipt.Relay.ShouldBe($"{smtp.Host}:{smtp.Port}");
        receipt.Reply.ShouldStartWith("250 ");
        var given = MimeMessage.Load(new MemoryStream(receipt.Message));
        (given.MessageId, given.TextBody, given.HtmlBody).ShouldBe((received.Message.MessageId, received.Message.TextBody, received.Message.HtmlBody));
        received.MailFrom.ShouldBe("appeals@campaignmanager.test");
        received.Message.To.Mailboxes.Single().Address.ShouldBe(address);
        received.Message.Subject.ShouldBe("Reconsider the withdrawal");
        received.Message.MessageId.ShouldBe(messageId);
        received.Message.TextBody.ShouldNotBeNull().ShouldContain("Amnesty International USA\nHuman Rights Watch\nZeta Coalition");
        received.Message.HtmlBody.ShouldNotBeNull().ShouldContain("<strong>urge</strong>");
    }

    [Fact]
    public async Task a_recipient_the_server_rejects_with_550_fails_permanently_with_the_servers_reason_and_is_not_retried()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);
        smtp.RejectPermanently(address);

        var result = await Sender(smtp.Settings()).SendAsync(content);

        var failed = result.ShouldBeOfType<DeliveryResult.Failed>();
        failed.Permanent.ShouldBeTrue();
        failed.SmtpStatusCode.ShouldBe(550);
        failed.Reason.ShouldStartWith("550 ");
        failed.Reason.ShouldContain("Recipient address rejected: mailbox unavailable");
        smtp.RecipientReplies(address).ShouldBe([550]);
        _log.Count(EmailSender.Events.Retrying).ShouldBe(0);
        smtp.MessagesTo(address).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_target_without_a_valid_email_address_fails_permanently_without_contacting_the_server()
    {
        var content = rendering_an_appeal_email.ContentTo(out _) with { ToAddress = "pompeo at state dot gov" };

        var result = await Sender(smtp.Settings()).SendAsync(content);

        var failed = result.ShouldBeOfType<DeliveryResult.Failed>();
        failed.Permanent.ShouldBeTrue();
        failed.Reason.ShouldStartWith("Invalid recipient address 'pompeo at state dot gov'");
        smtp.RecipientReplies(content.ToAddress).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_recipient_the_server_defers_with_451_is_retried_and_then_fails_transiently()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);
        smtp.RejectTemporarily(address);

        var result = await Sender(smtp.Settings(r => r.MaxRetryAttempts = 2)).SendAsync(content);

        var failed = result.ShouldBeOfType<DeliveryResult.Failed>();
        failed.Permanent.ShouldBeFalse();
        failed.SmtpStatusCode.ShouldBe(451);
        failed.Reason.ShouldContain("Mailbox temporarily unavailable");
        smtp.RecipientReplies(address).ShouldBe([451, 451, 451]);
    }

    [Fact]
    public async Task when_no_server_is_listening_the_send_is_retried_and_reported_as_a_transient_failure()
    {
        var content = rendering_an_appeal_email.ContentTo(out _);
        var nowhere = smtp.Settings(r => r.MaxRetryAttempts = 3);
        nowhere.Port = SmtpServerFixture.UnusedLoopbackPort();

        var result = await Sender(nowhere).SendAsync(content);

        var failed = result.ShouldBeOfType<DeliveryResult.Failed>();
        failed.Permanent.ShouldBeFalse();
        failed.SmtpStatusCode.ShouldBeNull();
        failed.Reason.ShouldContain("ConnectionRefused");
        _log.Count(EmailSender.Events.Retrying).ShouldBe(3);
        _log.Count(EmailSender.Events.GaveUp).ShouldBe(1);
    }

    [Fact]
    public async Task after_repeated_connection_failures_the_circuit_opens_and_the_next_send_fails_without_waiting_for_the_server()
    {
        var nowhere = smtp.Settings(r =>
        {
            r.MaxRetryAttempts = 1;
            r.CircuitBreakerMinimumThroughput = 2;
            r.CircuitBreakerFailureRatio = 0.5;
            r.CircuitBreakerBreakDuration = TimeSpan.FromMinutes(5);
        });
        nowhere.Port = SmtpServerFixture.UnusedLoopbackPort();
        var sender = Sender(nowhere);

        await sender.SendAsync(rendering_an_appeal_email.ContentTo(out _));
        var result = await sender.SendAsync(rendering_an_appeal_email.ContentTo(out _));

        _log.Count(EmailSender.Events.CircuitOpened).ShouldBe(1);
        var failed = result.ShouldBeOfType<DeliveryResult.Failed>();
        failed.Permanent.ShouldBeFalse();
        failed.Reason.ShouldContain("circuit breaker is open");
    }

    [Fact]
    public async Task when_the_server_is_down_and_comes_back_during_the_retry_window_the_letter_is_delivered_exactly_once()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);
        var sender = Sender(smtp.Settings(r =>
        {
            r.MaxRetryAttempts = 8;
            r.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
            r.RetryMaxDelay = TimeSpan.FromSeconds(2);
        }));
        await smtp.StopAsync();
        try
        {
            var firstFailure = _log.Next(EmailSender.Events.Retrying);
            var sending = sender.SendAsync(content);
            await firstFailure.WaitAsync(Patience);
            await smtp.StartAsync();

            var result = await sending.WaitAsync(Patience);

            result.ShouldBeOfType<DeliveryResult.Sent>().MessageId.ShouldBe(AppealEmail.MessageIdFor(content.AppealId, content.TargetId, smtp.Settings().From));
            smtp.MessagesTo(address).ShouldHaveSingleItem().Message.MessageId.ShouldBe(AppealEmail.MessageIdFor(content.AppealId, content.TargetId, smtp.Settings().From));
            smtp.RecipientReplies(address).ShouldBe([250]);
            _log.Count(EmailSender.Events.Retrying).ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            await smtp.StartAsync();
        }
    }
}
