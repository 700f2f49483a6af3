using CampaignManager.Appeals;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using CampaignManager.Targets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Time.Testing;
using Wolverine.Http;

namespace CampaignManager.Tests.Appeals;

/// <summary>Given events, when a command, then events: the appeal rules without a host or a database.</summary>
public class appeal_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid LetterId = Guid.NewGuid(), AppealId = Guid.NewGuid();
    private static readonly TargetDetails China = Target("China"), France = Target("France"), NoEmail = Target("Holy See", email: null);

    private static TargetDetails Target(string name, string? email = "x") =>
        new(Guid.NewGuid(), name, null, $"Permanent Mission of {name}", email == "x" ? $"{name.ToLowerInvariant()}@un.example" : email,
            null, null, [], At, "staff", At);

    private static Letter LetterThatIs(LetterStatus status)
    {
        var events = new List<object> { new LetterDrafted(LetterId, "Title", "Subject", "Body", "Sincerely,", [], "staff", At) };
        if (status >= LetterStatus.Open) events.Add(new LetterOpenedForSignatures(LetterId, null, "staff", At));
        if (status >= LetterStatus.Closed) events.Add(new SignaturesClosed(LetterId, "staff", At));
        if (status >= LetterStatus.Final) events.Add(new LetterFinalized(LetterId, 1, "staff", At));
        return Letter.Fold(events)!;
    }

    private static ProblemDetails Validate(Letter? letter, SendAppeal command, params TargetDetails[] targets) =>
        SendAppealEndpoint.Validate(LetterId, command, new SendAppealInputs(letter, [], targets, []), new FakeTimeProvider(At));

    private static AppealRecipient Recipient(params object[] later) => AppealRecipient.Fold([
        new AppealRecipientQueued(AppealId, China.Id, LetterId, "Title",
            new AppealRecipientInfo(China.Id, "China", null, null, China.Email), AppealChannel.Email, At.AddDays(30), "staff", At),
        ..later])!;

    [Theory]
    [InlineData(LetterStatus.Draft), InlineData(LetterStatus.Open), InlineData(LetterStatus.Closed)]
    public void a_letter_that_is_not_final_cannot_be_sent(LetterStatus status) =>
        Validate(LetterThatIs(status), new SendAppeal([China.Id], null, AppealChannel.Email), China).Status.ShouldBe(409);

    [Fact]
    public void a_final_letter_can_be_sent() =>
        Validate(LetterThatIs(LetterStatus.Final), new SendAppeal([China.Id], null, AppealChannel.Email), China)
            .ShouldBeSameAs(WolverineContinue.NoProblems);

    [Fact]
    public void an_unknown_letter_is_not_found() =>
        Validate(null, new SendAppeal([China.Id], null, AppealChannel.Email)).Status.ShouldBe(404);

    [Fact]
    public void an_appeal_without_recipients_is_refused_with_a_field_error()
    {
        var problem = Validate(LetterThatIs(LetterStatus.Final), new SendAppeal([], [], AppealChannel.Email))
            .ShouldBeOfType<HttpValidationProblemDetails>();
        problem.Errors.Keys.ShouldBe(["targetIds"]);
    }

    [Fact]
    public void an_email_appeal_to_targets_without_an_address_is_refused_naming_them()
    {
        var problem = Validate(LetterThatIs(LetterStatus.Final), new SendAppeal([China.Id, NoEmail.Id], null, AppealChannel.Email), China, NoEmail)
            .ShouldBeOfType<HttpValidationProblemDetails>();
        problem.Errors["channel"].Single().ShouldContain("Holy See");
    }

    [Fact]
    public void a_manual_appeal_may_go_to_targets_without_an_address() =>
        Validate(LetterThatIs(LetterStatus.Final), new SendAppeal([NoEmail.Id], null, AppealChannel.Manual), NoEmail)
            .ShouldBeSameAs(WolverineContinue.NoProblems);

    [Fact]
    public void a_target_named_directly_and_through_a_list_is_one_recipient_with_one_delivery()
    {
        var decision = SendAppealEndpoint.Decide(AppealId, LetterThatIs(LetterStatus.Final), [], [China, France, China],
            new SendAppeal([China.Id], null, AppealChannel.Email), "staff", At);

        decision.Sent.Recipients.Select(r => r.Name).ShouldBe(["China", "France"]);
        decision.Queued.Select(q => q.TargetId).ShouldBe([China.Id, France.Id]);
        decision.Deliveries.ShouldBe([new DeliverAppealEmail(AppealId, China.Id), new DeliverAppealEmail(AppealId, France.Id)]);
    }

    [Fact]
    public void a_manual_appeal_queues_recipients_but_sends_no_email()
    {
        var decision = SendAppealEndpoint.Decide(AppealId, LetterThatIs(LetterStatus.Final), [], [China],
            new SendAppeal([China.Id], null, AppealChannel.Manual), "staff", At);
        decision.Queued.ShouldHaveSingleItem().Channel.ShouldBe(AppealChannel.Manual);
        decision.Deliveries.ShouldBeEmpty();
    }

    [Fact]
    public void a_successful_send_records_the_message_id_by_the_system()
    {
        var (fact, next) = DeliverAppealEmailHandler.Decide(new DeliverAppealEmail(AppealId, China.Id), China.Email!,
            new DeliveryResult.Sent("m@x"), [TimeSpan.FromMinutes(1)], At);
        fact.ShouldBe(new AppealEmailSent(AppealId, China.Id, China.Email!, "m@x", 1, "system", At));
        next.ShouldBeNull();
        Recipient(fact).Status.ShouldBe(RecipientStatus.Sent);
    }

    [Fact]
    public void relay_trouble_defers_the_recipient_until_the_redeliveries_run_out_then_fails_it()
    {
        var down = new DeliveryResult.Failed("connection refused", Permanent: false);
        var (deferred, next) = DeliverAppealEmailHandler.Decide(new DeliverAppealEmail(AppealId, China.Id), China.Email!, down, [TimeSpan.FromMinutes(1)], At);
        deferred.ShouldBeOfType<AppealDeliveryDeferred>().NextAttemptAt.ShouldBe(At.AddMinutes(1));
        next!.Message.Attempt.ShouldBe(2);
        Recipient(deferred).Status.ShouldBe(RecipientStatus.Queued);

        var (failed, none) = DeliverAppealEmailHandler.Decide(next.Message, China.Email!, down, [TimeSpan.FromMinutes(1)], At);
        failed.ShouldBeOfType<AppealDeliveryFailed>().Permanent.ShouldBeFalse();
        none.ShouldBeNull();
    }

    [Fact]
    public void a_permanent_rejection_fails_the_recipient_at_once_with_the_servers_reason()
    {
        var (fact, next) = DeliverAppealEmailHandler.Decide(new DeliverAppealEmail(AppealId, China.Id), China.Email!,
            new DeliveryResult.Failed("550 5.1.1 mailbox unavailable", true, 550), [TimeSpan.FromMinutes(1)], At);
        next.ShouldBeNull();
        var recipient = Recipient(fact);
        recipient.Status.ShouldBe(RecipientStatus.Failed);
        recipient.Reason.ShouldBe("550 5.1.1 mailbox unavailable");
    }

    [Theory]
    [InlineData(RecipientStatus.Sent), InlineData(RecipientStatus.Acknowledged), InlineData(RecipientStatus.Responded)]
    public void only_a_failed_recipient_can_be_retried(RecipientStatus status)
    {
        var recipient = RecipientThatIs(status);
        RetryAppealDeliveryEndpoint.Validate(AppealId, China.Id, recipient, China).Status.ShouldBe(409);
    }

    [Fact]
    public void a_retried_recipient_is_queued_again_to_the_corrected_address_with_a_new_delivery()
    {
        var failed = RecipientThatIs(RecipientStatus.Failed);
        RetryAppealDeliveryEndpoint.Validate(AppealId, China.Id, failed, China)
            .ShouldBeSameAs(WolverineContinue.NoProblems);

        var (retried, delivery) = RetryAppealDeliveryEndpoint.Decide(failed, "fixed@un.example", "staff", At);
        delivery.ShouldBe(new DeliverAppealEmail(AppealId, China.Id));
        var again = Recipient(FailedEvent(), retried);
        (again.Status, again.Email, again.Reason).ShouldBe((RecipientStatus.Queued, "fixed@un.example", null));
    }

    [Fact]
    public void attempts_keep_counting_across_a_staff_retry_so_a_second_copy_shows()
    {
        // round one: the relay is busy twice, then the address is refused for good
        var delays = new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5) };
        var busy = new DeliveryResult.Failed("421 try later", false, 421);
        var (first, next) = DeliverAppealEmailHandler.Decide(new DeliverAppealEmail(AppealId, China.Id), China.Email!, busy, delays, At);
        var (second, last) = DeliverAppealEmailHandler.Decide(next!.Message, China.Email!, busy, delays, At.AddMinutes(1));
        var (refused, _) = DeliverAppealEmailHandler.Decide(last!.Message, China.Email!,
            new DeliveryResult.Failed("550 5.1.1 mailbox unavailable", true, 550), delays, At.AddMinutes(6));
        var failed = Recipient(first, second, refused);
        (failed.Status, failed.TotalAttempts).ShouldBe((RecipientStatus.Failed, 3));

        // round two, after staff corrected the address: its first attempt is the fourth one in all
        var (retried, delivery) = RetryAppealDeliveryEndpoint.Decide(failed, "fixed@un.example", "staff", At.AddHours(1));
        var queued = Recipient(first, second, refused, retried);
        (queued.Status, queued.TotalAttempts, queued.Retries).ShouldBe((RecipientStatus.Queued, 3, 1));
        var (sent, _) = DeliverAppealEmailHandler.Decide(delivery, "fixed@un.example", new DeliveryResult.Sent("m@x"), delays, At.AddHours(1));
        RecordAppealDeliveryHandler.ShouldRecord(queued, RecordAppealDelivery.Of(delivery, sent)).ShouldBeTrue();

        var view = RecipientView.From(Recipient(first, second, refused, retried, sent), At.AddHours(2));
        (view.Status, view.Attempts, view.AttemptsThisRound, view.Retries).ShouldBe((RecipientStatus.Sent, 4, 1, 1));
    }

    [Fact]
    public void an_acknowledgement_needs_a_delivered_letter_and_comes_once()
    {
        Ack(RecipientThatIs(RecipientStatus.Queued)).Status.ShouldBe(409);
        Ack(RecipientThatIs(RecipientStatus.Failed)).Status.ShouldBe(409);
        Ack(RecipientThatIs(RecipientStatus.Sent)).ShouldBeSameAs(WolverineContinue.NoProblems);
        Ack(RecipientThatIs(RecipientStatus.Acknowledged)).Status.ShouldBe(409);

        var acknowledged = AcknowledgeAppealEndpoint.Decide(RecipientThatIs(RecipientStatus.Sent), new AcknowledgeAppeal(" REF-42 "), "staff", At);
        acknowledged.Reference.ShouldBe("REF-42");
    }

    [Fact]
    public void a_response_needs_a_summary_and_a_delivered_letter_and_comes_once()
    {
        Respond(RecipientThatIs(RecipientStatus.Acknowledged), new RecordAppealResponse("We will consider it")).ShouldBeSameAs(WolverineContinue.NoProblems);
        Respond(RecipientThatIs(RecipientStatus.Sent), new RecordAppealResponse(" ")).Status.ShouldBe(400);
        Respond(RecipientThatIs(RecipientStatus.Sent), new RecordAppealResponse("ok", "not a link")).Status.ShouldBe(400);
        Respond(RecipientThatIs(RecipientStatus.Queued), new RecordAppealResponse("ok")).Status.ShouldBe(409);
        Respond(RecipientThatIs(RecipientStatus.Responded), new RecordAppealResponse("again")).Status.ShouldBe(409);
    }

    [Fact]
    public void follow_up_is_due_once_the_response_date_passes_without_an_answer()
    {
        var sent = RecipientThatIs(RecipientStatus.Sent);
        sent.StatusAt(At.AddDays(29)).ShouldBe(RecipientStatus.Sent);
        sent.StatusAt(At.AddDays(31)).ShouldBe(RecipientStatus.FollowUpDue);
        RecipientThatIs(RecipientStatus.Responded).StatusAt(At.AddDays(31)).ShouldBe(RecipientStatus.Responded);
    }

    private static ProblemDetails Ack(AppealRecipient r) =>
        AcknowledgeAppealEndpoint.Validate(AppealId, China.Id, new AcknowledgeAppeal("REF"), r);

    private static ProblemDetails Respond(AppealRecipient r, RecordAppealResponse command) =>
        RecordAppealResponseEndpoint.Validate(AppealId, China.Id, command, r);

    private static AppealDeliveryFailed FailedEvent() => new(AppealId, China.Id, "550", true, 550, 1, "system", At);

    private static AppealRecipient RecipientThatIs(RecipientStatus status) => status switch
    {
        RecipientStatus.Queued => Recipient(),
        RecipientStatus.Failed => Recipient(FailedEvent()),
        RecipientStatus.Sent => Recipient(Sent()),
        RecipientStatus.Acknowledged => Recipient(Sent(), new AppealAcknowledged(AppealId, China.Id, "R", "staff", At)),
        RecipientStatus.Responded => Recipient(Sent(), new AppealResponded(AppealId, China.Id, "No.", null, "staff", At)),
        _ => throw new ArgumentOutOfRangeException(nameof(status))
    };

    private static AppealEmailSent Sent() => new(AppealId, China.Id, China.Email!, "m@x", 1, "system", At);
}
