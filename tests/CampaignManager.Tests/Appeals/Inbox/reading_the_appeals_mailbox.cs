using MimeKit;
using CampaignManager.Appeals;
using CampaignManager.Appeals.Inbox;

namespace CampaignManager.Tests.Appeals.Inbox;

/// <summary>
/// Answers to appeals arrive in a real Dovecot mailbox by IMAP APPEND, and the app's reader (IDLE) takes them from there.
/// The mailbox outlives each test, so the database is not reset between tests: each one uses targets of its own.
/// </summary>
[Collection(InboxCollection.Name)]
public class reading_the_appeals_mailbox(InboxFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;
    private ImapServerFixture Imap => fixture.Imap;

    // the reader keeps its cursor in the database: a reset would make it read the whole mailbox again
    public override Task InitializeAsync() => Task.CompletedTask;

    private async Task<List<object>> HistoryAsync(Guid appealId, Guid targetId)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamAsync(AppealRecipient.StreamId(appealId, targetId))).Select(e => e.Data).ToList();
    }

    [Fact]
    public async Task a_standard_delivery_status_notification_bounces_the_recipient_and_no_further_email_goes_to_that_address()
    {
        var letter = await Host.FinalLetterAsync();
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Atlantis", letter);
        var beforeTheBounce = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromMinutes(5));

        await Imap.AppendAsync(InboxApi.DeliveryStatusNotification(received, email, "5.1.1",
            $"550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table"));

        var appeal = await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Status == RecipientStatus.Bounced, "the recipient bounced");
        var bounced = appeal.Recipient(target);
        bounced.BounceStatus.ShouldBe("5.1.1");
        bounced.BounceDiagnostic.ShouldBe($"550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table");
        bounced.Reason!.ShouldStartWith("Bounced 5.1.1");
        appeal.Counts.Bounced.ShouldBe(1);
        appeal.Counts.Sent.ShouldBe(0);
        await Host.RecipientAsync(appealId, target, "retry", new { }, 409);

        // the next appeal to the same address is refused before the relay sees it
        var (second, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { target }, channel = "email" });
        var refused = (await Host.AppealAsync(second)).Recipient(target);
        refused.Status.ShouldBe(RecipientStatus.Failed);
        refused.Reason!.ShouldStartWith($"Not sent: {email} bounced permanently");
        Smtp.MessagesTo(email).Count.ShouldBe(1);

        var fact = (await HistoryAsync(appealId, target)).OfType<AppealBounced>().ShouldHaveSingleItem();
        (fact.By, fact.Permanent, fact.FinalRecipient, fact.At).ShouldBe(("inbox", true, email, Fixture.Clock.GetUtcNow()));

        // the bounce is part of the recipient's history, and the appeal as it stood before it shows the letter sent
        var asOf = (await Host.GetAsJson<AppealDetails>($"/api/appeals/{appealId}?asOf={Uri.EscapeDataString(beforeTheBounce.ToString("O"))}"))!;
        asOf.Recipient(target).Status.ShouldBe(RecipientStatus.Sent);
        asOf.Counts.Bounced.ShouldBe(0);
        var history = (await Host.GetAsJson<List<RecipientHistoryEntry>>($"/api/appeals/{appealId}/recipients/{target}/history"))!;
        history.Select(h => (h.Event, h.By)).ShouldBe([("appealRecipientQueued", "test.editor"), ("appealHandedToRelay", "system"),
            ("appealEmailSent", "system"), ("appealBounced", "inbox")]);
    }

    [Fact]
    public async Task a_transient_bounce_sends_the_letter_again_later()
    {
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Lemuria");

        await Imap.AppendAsync(InboxApi.DeliveryStatusNotification(received, email, "4.2.2", "452 4.2.2 Mailbox full"));

        // the retry is scheduled a second later (Inbox:SoftBounceRetryDelay) and goes through the real relay again
        await Eventually.UntilAsync(() => Smtp.MessagesTo(email).Count == 2, InboxApi.Patience, "the letter sent a second time");
        var appeal = await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Status == RecipientStatus.Sent, "sent again");
        appeal.Recipient(target).BounceStatus.ShouldBe("4.2.2");
        Smtp.MessagesTo(email).Select(m => m.Message.MessageId).Distinct().ShouldHaveSingleItem().ShouldBe(received.MessageId);
    }

    [Fact]
    public async Task an_out_of_office_answer_marks_the_recipient_auto_acknowledged_and_staff_can_still_acknowledge()
    {
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Elbonia");
        var away = InboxApi.Reply(received, email, "I am out of the office until 19 January with limited access to email.");
        away.Subject = "Automatic reply: " + received.Subject;
        away.Headers.Add("X-Auto-Response-Suppress", "All");
        away.Headers.Add("Auto-Submitted", "auto-replied");

        await Imap.AppendAsync(away);

        var appeal = await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Status == RecipientStatus.AutoAcknowledged, "auto-acknowledged");
        appeal.Counts.AutoAcknowledged.ShouldBe(1);
        appeal.Recipient(target).AutoAcknowledgedAt.ShouldBe(Fixture.Clock.GetUtcNow());
        appeal.Recipient(target).Replies.ShouldBeEmpty();
        await Host.RecipientAsync(appealId, target, "acknowledge", new { reference = "EL-7" }, 204);
        (await Host.AppealAsync(appealId)).Recipient(target).Status.ShouldBe(RecipientStatus.Acknowledged);
    }

    [Fact]
    public async Task a_quoted_reply_threaded_by_in_reply_to_is_kept_with_its_text_and_offered_as_an_acknowledgement_with_its_reference()
    {
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Freedonia");

        await Imap.AppendAsync(InboxApi.Reply(received, email,
            "Dear colleagues,\n\nWe acknowledge receipt of your letter. Our reference: FR/2026/0117.\n\nThe Permanent Mission"));

        var appeal = await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Replies?.Count == 1, "the reply recorded");
        var reply = appeal.Recipient(target).Replies!.Single();
        reply.From.ShouldBe(email);
        reply.Text.ShouldContain("We acknowledge receipt of your letter.");
        reply.Text.ShouldContain("> ");
        reply.Proposal.ShouldBe(new ReplyProposal("acknowledge", "FR/2026/0117", null));
        appeal.Counts.Replied.ShouldBe(1);
        appeal.Recipient(target).Status.ShouldBe(RecipientStatus.Sent);

        // staff confirm what the product proposed
        await Host.RecipientAsync(appealId, target, "acknowledge", new { reference = "FR/2026/0117", replyId = reply.Id }, 204);
        await Host.RecipientAsync(appealId, target, "respond", new { summary = "x", replyId = Guid.NewGuid() }, 400);
        var confirmed = (await Host.AppealAsync(appealId)).Recipient(target);
        confirmed.Status.ShouldBe(RecipientStatus.Acknowledged);
        confirmed.AcknowledgementReference.ShouldBe("FR/2026/0117");
        confirmed.Replies!.Single().ConfirmedAs.ShouldBe("acknowledged");
        confirmed.Replies!.Single().Proposal.ShouldBeNull();

        var history = await HistoryAsync(appealId, target);
        history.OfType<AppealReplyReceived>().Single().By.ShouldBe("inbox");
        history.OfType<AppealReplyReceived>().Single().MatchedBy.ShouldBe("message-id");
        history.OfType<AppealAcknowledged>().Single().ShouldBe(new AppealAcknowledged(appealId, target, "FR/2026/0117", "test.editor",
            Fixture.Clock.GetUtcNow(), reply.Id));

        var page = await Host.Scenario(x => x.Get.Url($"/appeals/{appealId}"));
        var html = page.ReadAsText();
        html.ShouldContain("We acknowledge receipt of your letter.");
        html.ShouldContain("<strong data-count=\"replied\">1</strong>Replied");
        html.ShouldContain("<strong data-count=\"bounced\">0</strong>Bounced");
        var targetPage = await Host.Scenario(x => x.Get.Url($"/targets/{target}"));
        targetPage.ReadAsText().ShouldContain("We acknowledge receipt of your letter.");
    }

    [Fact]
    public async Task a_reply_without_in_reply_to_is_matched_by_the_senders_address_and_the_subject_and_offered_as_a_response()
    {
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Genovia");

        await Imap.AppendAsync(InboxApi.Reply(received, email.ToUpperInvariant(),
            "Genovia will co-sponsor the resolution at the next session.", threaded: false));

        var appeal = await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Replies?.Count == 1, "the reply recorded");
        var reply = appeal.Recipient(target).Replies!.Single();
        reply.Proposal.ShouldBe(new ReplyProposal("respond", null, "Genovia will co-sponsor the resolution at the next session."));
        var history = await HistoryAsync(appealId, target);
        history.OfType<AppealReplyReceived>().Single().MatchedBy.ShouldBe("sender-and-subject");

        await Host.RecipientAsync(appealId, target, "respond", new { summary = reply.Proposal!.Summary, replyId = reply.Id }, 204);
        (await Host.AppealAsync(appealId)).Recipient(target).Status.ShouldBe(RecipientStatus.Responded);
    }

    [Fact]
    public async Task a_reply_from_an_unknown_address_waits_in_the_unassigned_list_until_staff_assign_it()
    {
        var (appealId, target, _, received) = await Host.DeliveredAppealAsync(Smtp, "Ruritania");
        var colleague = $"deputy-{Guid.NewGuid():N}@ruritania.example";

        await Imap.AppendAsync(InboxApi.Reply(received, colleague, "Forwarded to the Minister, who will answer by 30 January.", threaded: false));

        var unassigned = await Eventually.UntilAsync(Host.UnassignedAsync, l => l.Any(m => m.From == colleague), InboxApi.Patience, "unassigned");
        var waiting = unassigned.Single(m => m.From == colleague);
        waiting.Kind.ShouldBe("reply");
        waiting.Text.ShouldNotBeNull().ShouldContain("Forwarded to the Minister");
        (await Host.AppealAsync(appealId)).Recipient(target).Replies.ShouldBeEmpty();

        await Host.Scenario(x =>
        {
            x.Post.Json(new { appealId, targetId = Guid.NewGuid() }).ToUrl($"/api/inbox/messages/{waiting.Id}/assign");
            x.StatusCodeShouldBe(400);
        });
        await Host.Scenario(x =>
        {
            x.Post.Json(new { appealId, targetId = target }).ToUrl($"/api/inbox/messages/{waiting.Id}/assign");
            x.StatusCodeShouldBe(204);
        });
        await Host.Scenario(x =>
        {
            x.Post.Json(new { appealId, targetId = target }).ToUrl($"/api/inbox/messages/{waiting.Id}/assign");
            x.StatusCodeShouldBe(409);
        });

        (await Host.UnassignedAsync()).ShouldNotContain(m => m.Id == waiting.Id);
        var reply = (await Host.AppealAsync(appealId)).Recipient(target).Replies!.ShouldHaveSingleItem();
        reply.From.ShouldBe(colleague);
        var history = await HistoryAsync(appealId, target);
        history.OfType<AppealReplyReceived>().Single().By.ShouldBe("test.editor");
    }

    [Fact]
    public async Task a_reply_with_attachments_keeps_those_within_the_size_limit_for_download_and_lists_the_rest()
    {
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Molvania");
        var reply = InboxApi.Reply(received, email, "Please find the Minister's answer attached.");
        var answer = Encoding.UTF8.GetBytes("%PDF-1.4 the Minister's answer");
        var builder = new BodyBuilder { TextBody = ((TextPart)reply.Body!).Text };
        builder.Attachments.Add("answer.pdf", answer, new ContentType("application", "pdf"));
        builder.Attachments.Add("annex.bin", new byte[30_000], new ContentType("application", "octet-stream"));
        reply.Body = builder.ToMessageBody();

        await Imap.AppendAsync(reply);

        var appeal = await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Replies?.Count == 1, "the reply recorded");
        var files = appeal.Recipient(target).Replies!.Single().Attachments;
        files.ShouldBe([new InboundAttachmentInfo(0, "answer.pdf", "application/pdf", answer.Length, true),
            new InboundAttachmentInfo(1, "annex.bin", "application/octet-stream", 30_000, false)]);
        var mailId = appeal.Recipient(target).Replies!.Single().Id;
        var download = await Host.Scenario(x => x.Get.Url($"/api/inbox/messages/{mailId}/attachments/0"));
        download.ReadAsText().ShouldBe("%PDF-1.4 the Minister's answer");
        await Host.Scenario(x =>
        {
            x.Get.Url($"/api/inbox/messages/{mailId}/attachments/1");
            x.StatusCodeShouldBe(404);
        });
    }

    [Fact]
    public async Task malformed_mime_does_not_stop_the_reader_and_is_kept_for_staff_to_assign()
    {
        var marker = Guid.NewGuid().ToString("N");
        await Imap.AppendAsync($"""
            From: broken-{marker}@nowhere.example
            Subject: =?utf-8?B?not base64 at all
            Content-Type: multipart/mixed; boundary="never-used"
            Content-Transfer-Encoding: base64

            --wrong-boundary
            Content-Type: text/html; charset=klingon
            Content-Transfer-Encoding: quoted-printable

            <p>=ZZ=Q {marker} </p
            """);
        var (appealId, target, email, received) = await Host.DeliveredAppealAsync(Smtp, "Kazakhstan");
        await Imap.AppendAsync(InboxApi.Reply(received, email, "Received with thanks."));

        // the message after the broken one is processed, and the broken one is kept
        await Host.AppealUntilAsync(appealId, a => a.Recipient(target).Replies?.Count == 1, "the next reply recorded");
        var kept = (await Host.UnassignedAsync()).Where(m => (m.Text ?? "").Contains(marker)).ShouldHaveSingleItem();
        kept.Note.ShouldNotBeNull();
    }
}
