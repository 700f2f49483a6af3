using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using Microsoft.Extensions.Options;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// The sender's hand-over step, where the delivery handler commits "handed to relay": after the relay answered, before
/// the message is offered, so a crash is uncertain only for an email that could in fact have arrived.
/// </summary>
[Collection(SmtpCollection.Name)]
public class handing_an_email_to_the_relay(SmtpServerFixture smtp)
{
    private readonly RecordingLogger<EmailSender> _log = new();

    private EmailSender Sender(SmtpSettings settings) => new(Options.Create(settings), TimeProvider.System, _log);

    [Fact]
    public async Task the_step_runs_once_the_relay_has_answered_and_before_it_hears_of_the_recipient()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);
        var repliesWhenHandingOver = new List<IReadOnlyList<int>>();

        var result = await Sender(smtp.Settings()).SendAsync(content, _ =>
        {
            repliesWhenHandingOver.Add(smtp.RecipientReplies(address));
            return Task.CompletedTask;
        });

        result.ShouldBeOfType<DeliveryResult.Sent>();
        repliesWhenHandingOver.ShouldHaveSingleItem().ShouldBeEmpty();
        smtp.MessagesTo(address).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task a_step_that_fails_sends_nothing_is_not_retried_and_comes_back_to_the_caller()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);
        var calls = 0;

        var thrown = await Should.ThrowAsync<HandOverAbortedException>(() => Sender(smtp.Settings()).SendAsync(content, _ =>
        {
            calls++;
            throw new InvalidOperationException("the database refused the mark");
        }));

        thrown.InnerException.ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("the database refused the mark");
        calls.ShouldBe(1);
        _log.Count(EmailSender.Events.Retrying).ShouldBe(0);
        smtp.RecipientReplies(address).ShouldBeEmpty();
        smtp.MessagesTo(address).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_unreachable_relay_never_reaches_the_step_so_a_crash_then_leaves_nothing_uncertain()
    {
        var nowhere = smtp.Settings(r => r.MaxRetryAttempts = 1);
        nowhere.Port = SmtpServerFixture.UnusedLoopbackPort();
        var calls = 0;

        var result = await Sender(nowhere).SendAsync(rendering_an_appeal_email.ContentTo(out _), _ => { calls++; return Task.CompletedTask; });

        result.ShouldBeOfType<DeliveryResult.Failed>().Permanent.ShouldBeFalse();
        calls.ShouldBe(0);
    }

    [Fact]
    public async Task a_relay_that_has_the_message_but_whose_answer_is_lost_leaves_it_uncertain_and_it_is_not_sent_again()
    {
        var content = rendering_an_appeal_email.ContentTo(out var address);
        smtp.DropReplyAfterAccepting(address);

        var result = await Sender(smtp.Settings()).SendAsync(content, _ => Task.CompletedTask);

        var uncertain = result.ShouldBeOfType<DeliveryResult.Uncertain>();
        uncertain.MessageId.ShouldBe(AppealEmail.MessageIdFor(content.AppealId, content.TargetId, smtp.Settings().From));
        _log.Count(EmailSender.Events.Retrying).ShouldBe(0);
        _log.Count(EmailSender.Events.ReplyLost).ShouldBe(1);
        smtp.MessagesTo(address).ShouldHaveSingleItem("the relay did get it: a retry would have been a duplicate");
    }
}
