using CampaignManager.Appeals;
using Wolverine.Http;

namespace CampaignManager.Tests.Appeals;

/// <summary>
/// Given a recipient's events, when a delivery message arrives (again, after a crash), then what is recorded and
/// whether anything is sent: the rule that turns a possible duplicate into a question for staff.
/// </summary>
public class delivery_arrival_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid();
    private const string MessageId = "appeal-1-2@ngo.example";

    private static AppealRecipient Recipient(params object[] then) => AppealRecipient.Fold([
        new AppealRecipientQueued(AppealId, TargetId, Guid.NewGuid(), "Letter", new AppealRecipientInfo(TargetId, "China", null, null, "c@un.example"),
            AppealChannel.Email, null, "staff", At), .. then])!;

    private static AppealHandedToRelay Handed(int attempt = 1) =>
        new(AppealId, TargetId, "c@un.example", MessageId, attempt, "system", At.AddSeconds(attempt));

    private static AppealEmailSent Sent(int attempt = 1) => new(AppealId, TargetId, "c@un.example", MessageId, attempt, "system", At.AddSeconds(2));

    private static AppealDeliveryDeferred Deferred(int attempt = 1) =>
        new(AppealId, TargetId, "451 busy", attempt, At.AddMinutes(1), "system", At.AddSeconds(2));

    private static AppealArrival Arrive(AppealRecipient? recipient, int attempt = 1) =>
        AppealArrival.Decide(new DeliverAppealEmail(AppealId, TargetId, attempt), recipient, MessageId, At.AddMinutes(5));

    [Fact]
    public void a_first_arrival_hands_the_email_to_the_relay_after_recording_that_it_does()
    {
        var send = Arrive(Recipient()).ShouldBeOfType<AppealArrival.Send>();
        send.Fact.ShouldBe(new AppealHandedToRelay(AppealId, TargetId, "c@un.example", MessageId, 1, "system", At.AddMinutes(5)));
        var handed = Recipient(send.Fact);
        (handed.Status, handed.HandedToRelayAttempt, handed.MessageId).ShouldBe((RecipientStatus.Queued, 1, MessageId));
    }

    [Fact]
    public void arriving_again_after_the_relay_got_the_email_but_before_its_outcome_was_recorded_sends_nothing_and_says_it_is_uncertain()
    {
        var uncertain = Arrive(Recipient(Handed())).ShouldBeOfType<AppealArrival.Uncertain>().Fact;
        (uncertain.Attempt, uncertain.HandedToRelayAt, uncertain.At).ShouldBe((1, At.AddSeconds(1), At.AddMinutes(5)));
        uncertain.Reason.ShouldContain("may or may not have arrived");
        uncertain.Reason.ShouldContain(MessageId);

        var recipient = Recipient(Handed(), uncertain);
        (recipient.Status, recipient.Reason, recipient.HandedToRelayAttempt).ShouldBe((RecipientStatus.Uncertain, uncertain.Reason, null));
        // recorded once: the record message arriving twice appends it once
        RecordAppealDeliveryHandler.ShouldRecord(recipient, new RecordAppealDelivery(AppealId, TargetId, 1, Uncertain: uncertain)).ShouldBeFalse();
        // and a third arrival of the delivery message leaves the recipient for staff
        Arrive(recipient).ShouldBeOfType<AppealArrival.Skip>();
    }

    [Fact]
    public void arriving_again_once_the_outcome_is_recorded_does_nothing()
    {
        Arrive(Recipient(Handed(), Sent())).ShouldBeOfType<AppealArrival.Skip>();
        Arrive(null).ShouldBeOfType<AppealArrival.Skip>();
    }

    [Fact]
    public void the_next_attempt_after_a_busy_relay_is_sent_even_before_the_first_attempts_outcome_is_recorded()
    {
        // the outcome and the next attempt are queued together but recorded by different messages, in either order
        Arrive(Recipient(Handed(1)), attempt: 2).ShouldBeOfType<AppealArrival.Send>().Fact.Attempt.ShouldBe(2);
        Arrive(Recipient(Handed(1), Deferred(1)), attempt: 2).ShouldBeOfType<AppealArrival.Send>();
        // a late outcome of attempt 1 does not clear attempt 2's mark
        var late = Recipient(Handed(1), Handed(2), Deferred(1));
        late.HandedToRelayAttempt.ShouldBe(2);
        Arrive(late, attempt: 2).ShouldBeOfType<AppealArrival.Uncertain>();
        // and a stale attempt-1 message arriving while attempt 2 is with the relay leaves it alone
        Arrive(Recipient(Handed(2)), attempt: 1).ShouldBeOfType<AppealArrival.Skip>();
    }

    [Fact]
    public void staff_resend_an_uncertain_recipient_deliberately_or_record_that_it_arrived()
    {
        var uncertain = Recipient(Handed(), ((AppealArrival.Uncertain)Arrive(Recipient(Handed()))).Fact);
        RetryAppealDeliveryEndpoint.Validate(AppealId, TargetId, uncertain, Target()).ShouldBeSameAs(WolverineContinue.NoProblems);
        RecordManualDeliveryEndpoint.Validate(AppealId, TargetId, new RecordManualDelivery("email, confirmed by phone"), uncertain)
            .ShouldBeSameAs(WolverineContinue.NoProblems);

        var (retried, delivery) = RetryAppealDeliveryEndpoint.Decide(uncertain, "c@un.example", "staff", At.AddHours(1));
        var again = Recipient(Handed(), ((AppealArrival.Uncertain)Arrive(Recipient(Handed()))).Fact, retried);
        (again.Status, again.HandedToRelayAttempt, again.Attempts).ShouldBe((RecipientStatus.Queued, null, 0));
        // the resend is a first attempt again, handed over like any other (with the same Message-ID)
        Arrive(again, delivery.Attempt).ShouldBeOfType<AppealArrival.Send>().Fact.MessageId.ShouldBe(MessageId);
    }

    [Fact]
    public void an_uncertain_recipient_counts_as_neither_queued_nor_delivered()
    {
        var uncertain = Recipient(Handed(), ((AppealArrival.Uncertain)Arrive(Recipient(Handed()))).Fact);
        var view = RecipientView.From(uncertain, At.AddDays(1));
        AppealCounts.Of([view]).ShouldBe(new AppealCounts(0, 0, 0, 0, 0, 0, Uncertain: 1));
        view.Status.Delivered().ShouldBeFalse();
        // never stays queued: a dead-lettered step leaves an uncertain recipient as it is
        FailAppealDeliveryHandler.Decide(uncertain, new FailAppealDelivery(AppealId, TargetId, 1, "late"), At).ShouldBeNull();
    }

    private static CampaignManager.Targets.TargetDetails Target() =>
        new(TargetId, "China", null, null, "c@un.example", null, null, [], At, "staff", At);

    [Fact]
    public void a_relay_answer_lost_mid_attempt_makes_the_recipient_uncertain_not_deferred_so_nothing_is_sent_again()
    {
        var lost = new CampaignManager.Hosting.Email.DeliveryResult.Uncertain(MessageId, "the SMTP session was cut off");
        var (fact, next) = DeliverAppealEmailHandler.Decide(new DeliverAppealEmail(AppealId, TargetId), "c@un.example", lost,
            [TimeSpan.FromMinutes(1)], At.AddMinutes(5));

        next.ShouldBeNull();
        var uncertain = fact.ShouldBeOfType<AppealDeliveryUncertain>();
        uncertain.Reason.ShouldBe("The connection to the relay failed before it confirmed this email (the SMTP session was cut off), so it " +
                                  $"may or may not have arrived. Check with the recipient or the relay's log (Message-ID {MessageId}); " +
                                  "Retry sends it again with the same Message-ID, or record the delivery if it arrived.");
        Recipient(Handed(), uncertain).Status.ShouldBe(RecipientStatus.Uncertain);
    }
}
