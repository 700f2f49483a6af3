using Wolverine;
using CampaignManager.Partners;

namespace CampaignManager.Tests.Partners;

/// <summary>Given a delivery and an answer, when the attempt is recorded, then what follows: done, a retry, gone or given up.</summary>
public class webhook_decisions
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlyList<TimeSpan> Delays = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1)];

    private static WebhookDelivery Pending(int round = 1) => new()
    {
        Id = Guid.NewGuid(), SubscriptionId = Guid.NewGuid(), WebhookId = "msg_1", Type = WebhookTypes.SignatureAdded,
        Body = "{}", Status = WebhookDeliveryStatus.Pending, Round = round
    };

    private static (WebhookDelivery, object?) Attempt(WebhookDelivery delivery, int attempt, WebhookResponse response)
    {
        var message = new DeliverWebhook(delivery.Id, delivery.Round, attempt);
        return DeliverWebhookHandler.Record(delivery, message, response, DeliverWebhookHandler.Decide(message, response, Delays), At);
    }

    [Fact]
    public void a_2xx_answer_ends_the_delivery_with_nothing_further()
    {
        var (delivery, next) = Attempt(Pending(), 1, new WebhookResponse(204, 12, null));
        (delivery.Status, delivery.NextAttemptAt, next).ShouldBe((WebhookDeliveryStatus.Delivered, null, null));
        delivery.Attempts.ShouldBe([new WebhookAttempt(1, 1, At, 204, 12, null)]);
    }

    [Fact]
    public void a_refused_connection_is_tried_again_after_the_next_delay_of_the_schedule()
    {
        var (delivery, next) = Attempt(Pending(), 2, new WebhookResponse(null, 3, "Connection refused"));
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Pending);
        delivery.NextAttemptAt.ShouldBe(At + Delays[1]);
        var retry = next.ShouldBeOfType<DeliveryMessage<DeliverWebhook>>();
        retry.Message.ShouldBe(new DeliverWebhook(delivery.Id, 1, 3));
        delivery.Attempts.Single().Error.ShouldBe("Connection refused");
    }

    [Fact]
    public void a_server_error_after_the_last_delay_fails_the_delivery_for_staff_to_replay()
    {
        var (delivery, next) = Attempt(Pending(), Delays.Count + 1, new WebhookResponse(503, 40, "503 Service Unavailable"));
        (delivery.Status, delivery.NextAttemptAt, next).ShouldBe((WebhookDeliveryStatus.Failed, null, null));
    }

    [Fact]
    public void a_410_gone_disables_the_subscription_instead_of_retrying()
    {
        var pending = Pending();
        var (delivery, next) = Attempt(pending, 1, new WebhookResponse(410, 8, "410 Gone"));
        delivery.Status.ShouldBe(WebhookDeliveryStatus.Gone);
        var disabled = next.ShouldBeOfType<WebhookDisabled>();
        (disabled.SubscriptionId, disabled.DeliveryId, disabled.By, disabled.At).ShouldBe((pending.SubscriptionId, pending.Id, "system", At));
    }

    [Fact]
    public void a_retry_left_over_from_before_a_replay_does_nothing()
    {
        var replayed = Pending(round: 2);
        DeliverWebhookHandler.IsCurrent(replayed, new DeliverWebhook(replayed.Id, Round: 1, Attempt: 3)).ShouldBeFalse();
        DeliverWebhookHandler.IsCurrent(replayed, new DeliverWebhook(replayed.Id, Round: 2, Attempt: 1)).ShouldBeTrue();
    }

    [Fact]
    public void an_attempt_already_recorded_or_a_delivery_already_delivered_is_not_posted_again()
    {
        var (tried, _) = Attempt(Pending(), 1, new WebhookResponse(500, 1, "500"));
        DeliverWebhookHandler.IsCurrent(tried, new DeliverWebhook(tried.Id, 1, 1)).ShouldBeFalse("a redelivered message");
        DeliverWebhookHandler.IsCurrent(tried, new DeliverWebhook(tried.Id, 1, 2)).ShouldBeTrue();
        var (done, _) = Attempt(Pending(), 1, new WebhookResponse(200, 1, null));
        DeliverWebhookHandler.IsCurrent(done, new DeliverWebhook(done.Id, 1, 2)).ShouldBeFalse();
        DeliverWebhookHandler.IsCurrent(null, new DeliverWebhook(Guid.NewGuid())).ShouldBeFalse();
    }

    [Fact]
    public void a_replay_starts_a_new_round_with_the_same_webhook_id_and_records_who_asked()
    {
        var (failed, _) = Attempt(Pending(), Delays.Count + 1, new WebhookResponse(500, 1, "500"));
        var (replayed, delivery, message) = ReplayWebhookDeliveryEndpoint.Decide(failed, "test.admin", At);
        replayed.ShouldBe(new WebhookDeliveryReplayed(failed.SubscriptionId, failed.Id, 2, "test.admin", At));
        (delivery.Status, delivery.Round, delivery.WebhookId, delivery.ReplayedBy).ShouldBe((WebhookDeliveryStatus.Pending, 2, "msg_1", "test.admin"));
        message.ShouldBe(new DeliverWebhook(failed.Id, 2, 1));
    }
}
