using CampaignManager.Appeals;
using CampaignManager.Appeals.Inbox;
using CampaignManager.Partners;
using CampaignManager.Signatures;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;

namespace CampaignManager.Tests.Partners;

/// <summary>Which recorded events leave as which webhook types, what their payloads say and leave out, and how they are signed.</summary>
public class webhook_payloads
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Letter = Guid.NewGuid(), SignatureId = Guid.NewGuid(), Appeal = Guid.NewGuid(), Target = Guid.NewGuid();

    private static string Body(object e) => WebhookFanOut.Body(WebhookTypes.For(e).ShouldNotBeNull());

    [Fact]
    public void a_signature_added_says_which_letter_and_signature_and_carries_neither_the_signers_name_nor_email()
    {
        var added = new SignatureAdded(SignatureId, Letter, SignatoryKind.Individual, "Roberta Cohen", "Professor", "Georgetown", false,
            "roberta@cohen.example", 2, "roberta@cohen.example", At, SignatureSource.Public, AwaitingApproval: true,
            ConfirmEmailBy: At.AddDays(2));

        var body = Body(added);

        body.ShouldNotContain("Roberta");
        body.ShouldNotContain("@");
        body.ShouldNotContain("Georgetown");
        var json = JsonDocument.Parse(body).RootElement;
        json.GetProperty("type").GetString().ShouldBe("signature.added");
        json.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(At);
        var data = json.GetProperty("data");
        (data.GetProperty("signatureId").GetGuid(), data.GetProperty("letterId").GetGuid()).ShouldBe((SignatureId, Letter));
        (data.GetProperty("kind").GetString(), data.GetProperty("source").GetString(), data.GetProperty("signedVersion").GetInt32())
            .ShouldBe(("individual", "public", 2));
        (data.GetProperty("awaitingConfirmation").GetBoolean(), data.GetProperty("awaitingApproval").GetBoolean()).ShouldBe((true, true));
    }

    [Fact]
    public void confirmations_by_email_by_staff_approval_and_of_a_newer_text_are_each_a_signature_confirmed()
    {
        WebhookTypes.For(new SignatureEmailConfirmed(SignatureId, Letter, "r@c.example", false, "r@c.example", At))!.Data
            .ShouldBe(new SignatureConfirmedData(SignatureId, Letter, "email", null, false));
        WebhookTypes.For(new SignatureApproved(SignatureId, Letter, "staff", At))!.Data
            .ShouldBe(new SignatureConfirmedData(SignatureId, Letter, "approval", null, false));
        WebhookTypes.For(new SignatureReconfirmed(SignatureId, Letter, 3, "staff", At))!.Data
            .ShouldBe(new SignatureConfirmedData(SignatureId, Letter, "textVersion", 3, false));
        Body(new SignatureEmailConfirmed(SignatureId, Letter, "r@c.example", false, "r@c.example", At)).ShouldNotContain("@");
    }

    [Fact]
    public void a_withdrawal_leaves_its_reason_behind()
    {
        var fact = WebhookTypes.For(new SignatureWithdrawn(SignatureId, Letter, "My employer asked me to", "staff", At))!;
        (fact.Type, fact.Data).ShouldBe((WebhookTypes.SignatureWithdrawn, new SignatureWithdrawnData(SignatureId, Letter)));
    }

    [Fact]
    public void recipient_events_become_the_status_the_recipient_is_in_afterwards()
    {
        static RecipientStatus? Status(object e) => (WebhookTypes.For(e)?.Data as AppealRecipientStatusData)?.Status;

        Status(new AppealEmailSent(Appeal, Target, "m@un.example", "id@ngo", 1, "system", At)).ShouldBe(RecipientStatus.Sent);
        Status(new AppealDeliveryFailed(Appeal, Target, "550", true, 550, 1, "system", At)).ShouldBe(RecipientStatus.Failed);
        Status(new AppealBounced(Appeal, Target, Guid.NewGuid(), "5.1.1", null, null, true, null, "system", At)).ShouldBe(RecipientStatus.Bounced);
        Status(new AppealBounced(Appeal, Target, Guid.NewGuid(), "4.4.7", null, null, false, At.AddHours(1), "system", At)).ShouldBe(RecipientStatus.Queued);
        Status(new AppealAcknowledged(Appeal, Target, "JP-1", "staff", At)).ShouldBe(RecipientStatus.Acknowledged);
        Body(new AppealEmailSent(Appeal, Target, "m@un.example", "id@ngo", 1, "system", At)).ShouldNotContain("@");
        WebhookTypes.For(new AppealDeliveryDeferred(Appeal, Target, "busy", 1, At, "system", At)).ShouldBeNull("still queued: no change");
        WebhookTypes.For(new AppealHandedToRelay(Appeal, Target, "m@un.example", "id", 1, "system", At)).ShouldBeNull();
    }

    [Fact]
    public void a_reply_received_names_the_reply_but_not_its_sender_or_text()
    {
        var reply = new AppealReplyReceived(Appeal, Target, Guid.NewGuid(), "attache@mission.example", "Re: appeal", "Dear colleagues, ...",
            "JP-2030-117", [new InboundAttachmentInfo(0, "answer.pdf", "application/pdf", 1000, true)], "inReplyTo", "system", At);
        var fact = WebhookTypes.For(reply)!;
        fact.Data.ShouldBe(new AppealReplyData(Appeal, Target, reply.InboundMailId, "inReplyTo", "JP-2030-117", 1));
        Body(reply).ShouldNotContain("attache");
        Body(reply).ShouldNotContain("Dear");
    }

    [Fact]
    public void every_source_event_type_maps_to_a_known_webhook_type()
    {
        WebhookTypes.Sources.Distinct().Count().ShouldBe(WebhookTypes.Sources.Count);
        typeof(SignatureEmailConfirmed).Assembly.GetTypes().Where(t => typeof(IAppealRecipientEvent).IsAssignableFrom(t) && !t.IsInterface)
            .Where(t => t != typeof(AppealHandedToRelay) && t != typeof(AppealDeliveryDeferred))
            .ShouldAllBe(t => WebhookTypes.Sources.Contains(t), "a new recipient event is either delivered or left out here on purpose");
    }

    [Fact]
    public void a_request_is_signed_so_the_standard_webhooks_package_verifies_it_and_refuses_a_changed_body()
    {
        var secret = SubscribeWebhookEndpoint.NewSecret();
        var now = DateTimeOffset.UtcNow;
        var body = Body(new SignatureWithdrawn(SignatureId, Letter, null, "staff", At));
        using var request = WebhookSender.Request("https://partner.example/hooks", secret, "msg_abc", now, body);

        var headers = new HeaderDictionary();
        foreach (var (name, values) in request.Headers) headers[name] = values.ToArray();
        headers["webhook-id"].ToString().ShouldBe("msg_abc");
        headers["webhook-timestamp"].ToString().ShouldBe(now.ToUnixTimeSeconds().ToString());
        new StandardWebhook(secret).Verify(body, headers);
        Should.Throw<StandardWebhooks.Diagnostics.WebhookVerificationException>(() => new StandardWebhook(secret).Verify(body + " ", headers));
        Should.Throw<StandardWebhooks.Diagnostics.WebhookVerificationException>(() =>
            new StandardWebhook(SubscribeWebhookEndpoint.NewSecret()).Verify(body, headers));
    }
}
