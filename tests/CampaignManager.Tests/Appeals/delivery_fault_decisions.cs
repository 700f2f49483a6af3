using CampaignManager.Appeals;
using Npgsql;

namespace CampaignManager.Tests.Appeals;

/// <summary>What a database fault leaves a recipient in, and what staff are told: without a host or a database.</summary>
public class delivery_fault_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid();
    private static readonly Exception Refused = new InvalidOperationException("wrapped", new PostgresException("boom", "ERROR", "ERROR", "57P01"));

    private static AppealRecipient Queued(params object[] then) => AppealRecipient.Fold([
        new AppealRecipientQueued(AppealId, TargetId, Guid.NewGuid(), "Letter", new AppealRecipientInfo(TargetId, "China", null, null, "c@un.example"),
            AppealChannel.Email, null, "staff", At), .. then])!;

    private static AppealEmailSent Sent(int attempt = 1) => new(AppealId, TargetId, "c@un.example", "appeal-1@x", attempt, "system", At);

    [Fact]
    public void a_fault_before_the_send_tells_staff_retrying_is_safe_and_one_after_it_tells_them_to_check_first()
    {
        var delivery = new DeliverAppealEmail(AppealId, TargetId);
        delivery.ReasonAfter(new DeliveryNotStartedException(Refused)).ShouldBe(
            "Not sent: the database kept failing before the email could be handed to the relay (database error 57P01). Retrying is safe.");
        delivery.ReasonAfter(Refused).ShouldContain("may have been delivered");
        new RecordAppealDelivery(AppealId, TargetId, 1, Sent: Sent()).ReasonAfter(Refused)
            .ShouldStartWith("The relay accepted the email (Message-ID appeal-1@x) but recording that failed (database error 57P01)");
    }

    [Fact]
    public void only_database_errors_count_as_database_faults_however_deeply_they_are_wrapped()
    {
        DeliveryFaults.IsDatabaseFault(Refused).ShouldBeTrue();
        DeliveryFaults.IsDatabaseFault(new AggregateException(new TimeoutException(), Refused)).ShouldBeTrue();
        DeliveryFaults.IsDatabaseFault(new InvalidOperationException("appeal missing")).ShouldBeFalse();
        DeliveryFaults.Describe(new NpgsqlException("down", new System.Net.Sockets.SocketException())).ShouldBe("database unreachable (SocketException)");
    }

    [Fact]
    public void a_dead_lettered_delivery_fails_a_queued_recipient_and_leaves_any_other_outcome_alone()
    {
        var fail = new FailAppealDelivery(AppealId, TargetId, 2, "reason");
        var failed = FailAppealDeliveryHandler.Decide(Queued(), fail, At).ShouldNotBeNull();
        (failed.Reason, failed.Permanent, failed.Attempt, failed.By).ShouldBe(("reason", false, 2, "system"));
        FailAppealDeliveryHandler.Decide(Queued(Sent()), fail, At).ShouldBeNull();
        FailAppealDeliveryHandler.Decide(null, fail, At).ShouldBeNull();
    }

    [Fact]
    public void an_outcome_is_recorded_once_so_a_redelivered_record_adds_nothing()
    {
        var record = new RecordAppealDelivery(AppealId, TargetId, 1, Sent: Sent());
        RecordAppealDeliveryHandler.ShouldRecord(Queued(), record).ShouldBeTrue();
        RecordAppealDeliveryHandler.ShouldRecord(Queued(Sent()), record).ShouldBeFalse();
        var deferred = new AppealDeliveryDeferred(AppealId, TargetId, "451", 1, At.AddMinutes(1), "system", At);
        RecordAppealDeliveryHandler.ShouldRecord(Queued(deferred), new RecordAppealDelivery(AppealId, TargetId, 1, Deferred: deferred)).ShouldBeFalse();
        RecordAppealDeliveryHandler.ShouldRecord(Queued(deferred), new RecordAppealDelivery(AppealId, TargetId, 2, Sent: Sent(2))).ShouldBeTrue();
    }
}
