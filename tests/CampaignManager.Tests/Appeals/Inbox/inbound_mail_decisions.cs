using MimeKit;
using CampaignManager.Appeals;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Appeals.Inbox;

namespace CampaignManager.Tests.Appeals.Inbox;

public class inbound_mail_decisions
{
    private static readonly DateTimeOffset At = new(2026, 1, 6, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid(), MailId = Guid.NewGuid();
    private static readonly InboxSettings Settings = new() { SoftBounceRetries = 2, SoftBounceRetryDelay = TimeSpan.FromHours(1) };
    private const string Address = "mission.peru@example.org";

    private static AppealRecipient Sent(params object[] more) => AppealRecipient.Fold(new object[]
    {
        new AppealRecipientQueued(AppealId, TargetId, Guid.NewGuid(), "Letter", new AppealRecipientInfo(TargetId, "Peru", null, null, Address),
            AppealChannel.Email, null, "staff", At.AddDays(-1)),
        new AppealEmailSent(AppealId, TargetId, Address, AppealEmail.MessageIdFor(AppealId, TargetId, "appeals@coalition.example"), 1, "system", At.AddDays(-1))
    }.Concat(more))!;

    private static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n"))));

    private static MimeMessage Original() =>
        new() { MessageId = AppealEmail.MessageIdFor(AppealId, TargetId, "appeals@coalition.example"), Subject = "Reconsider the withdrawal",
            From = { MailboxAddress.Parse("appeals@coalition.example") }, To = { MailboxAddress.Parse(Address) }, Body = new TextPart("plain") { Text = "Letter" } };

    private static InboundOutcome Decide(InboundClass kind, AppealRecipient recipient) =>
        InboundDecision.Decide(kind, recipient, MailId, Address, "Re: Reconsider the withdrawal", [], "message-id", Settings, At);

    [Fact]
    public void a_postfix_delivery_status_notification_is_a_bounce_with_status_diagnostic_recipient_and_the_returned_message_id()
    {
        var dsn = Parse(InboxApi.DeliveryStatusNotification(Original(), Address, "5.1.1", "550 5.1.1 <mission.peru@example.org>: User unknown"));

        var kind = InboundClassification.Classify(dsn).ShouldBeOfType<InboundClass.Bounce>();

        kind.Facts.ShouldBe(new BounceFacts("5.1.1", "550 5.1.1 <mission.peru@example.org>: User unknown", Address, "failed", Original().MessageId));
        kind.Facts.Permanent.ShouldBeTrue();
        InboundDecision.Referenced(dsn, kind.Facts.OriginalMessageId).ShouldBe([(AppealId, TargetId, Original().MessageId!)]);
    }

    [Fact]
    public void a_minimal_bounce_like_the_readmes_names_its_recipient_by_the_returned_message_id()
    {
        var dsn = Parse($"""
            From: MAILER-DAEMON@relay.example.net
            Subject: Undelivered Mail Returned to Sender
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="B"

            --B
            Content-Type: text/plain

            Your message could not be delivered.

            --B
            Content-Type: message/delivery-status

            Reporting-MTA: dns; relay.example.net

            Final-Recipient: rfc822; {Address}
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <{Address}>: User unknown

            --B
            Content-Type: text/rfc822-headers

            Message-ID: <{Original().MessageId}>

            --B--
            """);

        var bounce = InboundClassification.Classify(dsn).ShouldBeOfType<InboundClass.Bounce>();

        bounce.Facts.ShouldBe(new BounceFacts("5.1.1", $"550 5.1.1 <{Address}>: User unknown", Address, "failed", Original().MessageId));
    }

    [Fact]
    public void a_delayed_report_is_a_notice_that_changes_nothing()
    {
        var dsn = Parse(InboxApi.DeliveryStatusNotification(Original(), Address, "4.4.1", "connect timed out", action: "delayed"));

        var kind = InboundClassification.Classify(dsn).ShouldBeOfType<InboundClass.DeliveryNotice>();

        Decide(kind, Sent()).Events.ShouldBeEmpty();
    }

    [Fact]
    public void a_hard_bounce_bounces_a_sent_recipient_with_no_retry()
    {
        var facts = new BounceFacts("5.1.1", "User unknown", Address, "failed", null);

        var outcome = Decide(new InboundClass.Bounce(facts), Sent());

        outcome.Events.ShouldBe([new AppealBounced(AppealId, TargetId, MailId, "5.1.1", "User unknown", Address, true, null, "inbox", At)]);
        outcome.Resend.ShouldBeNull();
        AppealRecipient.Fold([..Events(), ..outcome.Events])!.Status.ShouldBe(RecipientStatus.Bounced);
    }

    private static IEnumerable<object> Events() =>
    [
        new AppealRecipientQueued(AppealId, TargetId, Guid.NewGuid(), "Letter", new AppealRecipientInfo(TargetId, "Peru", null, null, Address),
            AppealChannel.Email, null, "staff", At.AddDays(-1)),
        new AppealEmailSent(AppealId, TargetId, Address, "id", 1, "system", At.AddDays(-1))
    ];

    [Fact]
    public void a_soft_bounce_puts_the_recipient_back_in_the_queue_with_the_next_attempt_scheduled_until_the_retries_run_out()
    {
        var facts = new BounceFacts("4.2.2", "Mailbox full", Address, "failed", null);

        var first = Decide(new InboundClass.Bounce(facts), Sent());

        first.Events.ShouldBe([new AppealBounced(AppealId, TargetId, MailId, "4.2.2", "Mailbox full", Address, false, At.AddHours(1), "inbox", At)]);
        first.Resend.ShouldNotBeNull().Message.ShouldBe(new DeliverAppealEmail(AppealId, TargetId, 2));
        AppealRecipient.Fold([..Events(), ..first.Events])!.Status.ShouldBe(RecipientStatus.Queued);

        var twice = Sent(first.Events[0], new AppealEmailSent(AppealId, TargetId, Address, "id", 2, "system", At),
            first.Events[0], new AppealEmailSent(AppealId, TargetId, Address, "id", 3, "system", At));
        var last = Decide(new InboundClass.Bounce(facts), twice);
        last.Resend.ShouldBeNull();
        last.Events.ShouldHaveSingleItem().ShouldBeOfType<AppealBounced>().RetryAt.ShouldBeNull();
    }

    [Fact]
    public void a_bounce_for_a_recipient_who_already_answered_changes_nothing()
    {
        var answered = Sent(new AppealResponded(AppealId, TargetId, "Will co-sponsor", null, "staff", At));

        Decide(new InboundClass.Bounce(new BounceFacts("5.1.1", null, Address, "failed", null)), answered).Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Auto-Submitted", "auto-replied", "Hello", true)]
    [InlineData("Auto-Submitted", "no", "Hello", false)]
    [InlineData("X-Autoreply", "yes", "Hello", true)]
    [InlineData("X-Autorespond", "Out of office", "Hello", true)]
    [InlineData("Precedence", "auto_reply", "Hello", true)]
    [InlineData("X-Mailer", "Outlook", "Out of Office: Reconsider the withdrawal", true)]
    [InlineData("X-Mailer", "Outlook", "Automatic reply: Reconsider the withdrawal", true)]
    [InlineData("X-Mailer", "Outlook", "RE: Reconsider the withdrawal", false)]
    public void automatic_answers_are_told_by_rfc_3834_and_the_usual_out_of_office_marks(string header, string value, string subject, bool automatic)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "I am away." } };
        message.Headers.Add(header, value);

        InboundClassification.Classify(message).ShouldBeOfType(automatic ? typeof(InboundClass.AutoReply) : typeof(InboundClass.Reply));
    }

    [Fact]
    public void an_automatic_answer_auto_acknowledges_only_a_recipient_still_waiting()
    {
        var auto = new InboundClass.AutoReply("Auto-Submitted: auto-replied", "Away");

        Decide(auto, Sent()).Events.ShouldBe([new AppealAutoAcknowledged(AppealId, TargetId, MailId, "Re: Reconsider the withdrawal",
            "Auto-Submitted: auto-replied", "inbox", At)]);
        Decide(auto, Sent(new AppealAcknowledged(AppealId, TargetId, "R-1", "staff", At))).Events.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("We acknowledge receipt. Ref: JP-2030-117.", "JP-2030-117")]
    [InlineData("Our reference 2026/UN/0455 applies to this file.", "2026/UN/0455")]
    [InlineData("Reference No. 4471", "4471")]
    [InlineData("With reference to your letter of January, we will answer.", null)]
    [InlineData("Thank you for your letter.\n\nOn Mon, 5 Jan 2026 Appeals wrote:\n> Ref: QUOTED-123", null)]
    public void a_reference_is_taken_from_what_the_sender_wrote_and_never_from_the_quote(string text, string? reference)
    {
        var reply = new MimeMessage { Subject = "RE: Letter", Body = new TextPart("plain") { Text = text } };

        InboundClassification.Classify(reply).ShouldBeOfType<InboundClass.Reply>().Reference.ShouldBe(reference);
    }

    [Fact]
    public void an_html_only_reply_is_kept_as_its_text_without_markup_or_script()
    {
        var reply = new MimeMessage { Subject = "RE: Letter", Body = new TextPart("html") { Text = "<p>We <b>agree</b>.</p><script>alert(1)</script><p>Ref: AB-12</p>" } };

        var kind = InboundClassification.Classify(reply).ShouldBeOfType<InboundClass.Reply>();

        kind.Text.ShouldBe("We agree.\n\nRef: AB-12");
        kind.Reference.ShouldBe("AB-12");
    }

    [Fact]
    public void a_reply_is_recorded_for_staff_to_confirm_and_proposes_a_response_when_it_carries_no_reference()
    {
        var reply = new InboundClass.Reply("We will co-sponsor.\n\nOn Monday Appeals wrote:\n> Letter", null);

        var outcome = Decide(reply, Sent());

        var fact = outcome.Events.ShouldHaveSingleItem().ShouldBeOfType<AppealReplyReceived>();
        (fact.By, fact.At, fact.InboundMailId, fact.MatchedBy).ShouldBe(("inbox", At, MailId, "message-id"));
        var recipient = AppealRecipient.Fold([..Events(), fact])!;
        recipient.Status.ShouldBe(RecipientStatus.Sent);
        ReplyView.Of(recipient.Replies.Single()).Proposal.ShouldBe(new ReplyProposal("respond", null, "We will co-sponsor."));
    }

    [Fact]
    public void a_message_staff_assign_is_recorded_as_the_reader_would_have_but_by_them()
    {
        var mail = new InboundMail { Id = MailId, Kind = "unreadable", From = "deputy@mission.example", Subject = "?", Text = "Forwarded to the Minister." };

        var outcome = AssignInboundMailEndpoint.Decide(mail, Sent(), Settings, "jane.staff", At);

        var reply = outcome.Events.ShouldHaveSingleItem().ShouldBeOfType<AppealReplyReceived>();
        (reply.By, reply.MatchedBy, reply.Text, reply.From).ShouldBe(("jane.staff", "staff", "Forwarded to the Minister.", "deputy@mission.example"));
    }

    [Fact]
    public void only_our_own_message_ids_name_a_recipient_in_reply_to_first_then_references_newest_first()
    {
        var other = Guid.NewGuid();
        var message = new MimeMessage { InReplyTo = AppealEmail.MessageIdFor(AppealId, TargetId, "a@coalition.example") };
        message.References.Add(AppealEmail.MessageIdFor(AppealId, other, "a@coalition.example"));
        message.References.Add("unrelated-123@mission.example");

        InboundDecision.Referenced(message).Select(r => r.TargetId).ShouldBe([TargetId, other]);
    }

    [Theory]
    [InlineData("RE: AW: Fwd:  Reconsider   the withdrawal")]
    [InlineData("Automatic reply: Reconsider the withdrawal")]
    [InlineData("reconsider the withdrawal")]
    public void reply_prefixes_and_spacing_do_not_change_the_conversation(string subject) =>
        InboundDecision.Conversation(subject).ShouldBe(InboundDecision.Conversation("Reconsider the withdrawal"));
}
