using JasperFx;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Appeals.Inbox;

public static class ProcessInboundMailHandler
{
    /// <summary>
    /// A database that is briefly away, or a second run of the same message racing the first (the optimistic version
    /// on <see cref="InboundMail"/>), is retried; the retry finds the message processed or processes it. Should it end
    /// in the dead letters, the message is still listed as unassigned ("received"), so nothing that arrived is out of sight.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        chain.OnException<ConcurrencyException>().RetryTimes(3);
        chain.OnException(DeliveryFaults.IsDatabaseFault, "the database is failing").RetryWithCooldown(DeliveryFaults.Cooldowns)
            .Then.ScheduleRetry(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5)).Then.MoveToErrorQueue();
    }

    /// <summary>
    /// Reads the stored message, decides what it is and whose it is, and records that on the recipient's stream (actor
    /// "inbox"). A message that cannot be read, or matches nobody, is kept for staff to assign. Processing twice is
    /// harmless: a processed message is skipped, and the recipient's stream is written with optimistic concurrency.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(ProcessInboundMail command, IDocumentSession session, IOptions<InboxSettings> settings,
        TimeProvider clock, ILogger<ProcessInboundMail> logger, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        if (await session.LoadAsync<InboundMail>(command.MailId, token) is not { Processed: false } mail) return outgoing;
        var raw = await session.LoadAsync<InboundRawMail>(command.MailId, token);
        mail.Processed = true;
        session.Store(mail);
        MimeMessage message;
        InboundClass kind;
        List<(InboundAttachmentInfo Info, byte[]? Content)> attachments;
        try
        {
            message = await MimeMessage.LoadAsync(new MemoryStream(raw?.Content ?? []), token);
            kind = InboundClassification.Classify(message);
            attachments = kind is InboundClass.Reply ? InboundAttachments.Extract(message, settings.Value.MaxAttachmentBytes) : [];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // whatever the message does to the parser, it is kept for a person rather than retried into the dead letters
            (mail.Kind, mail.Note) = ("unreadable", $"The message could not be read ({e.GetType().Name}: {e.Message}); assign it by hand.");
            mail.Text = raw is null ? null : InboundAttachments.Readable(raw.Content);
            logger.LogWarning(e, "Inbound message {MailId} could not be read; kept unassigned", mail.Id);
            return outgoing;
        }
        Describe(mail, message, kind, attachments);
        // a message whose MIME hides its text (a broken boundary, an unknown charset) still shows staff what it says
        if (string.IsNullOrWhiteSpace(mail.Text) && raw is not null) mail.Text = InboundAttachments.Readable(raw.Content);
        foreach (var (info, content) in attachments.Where(a => a.Content is not null))
            session.Store(new InboundAttachmentContent
            {
                Id = InboundAttachmentContent.IdFor(mail.Id, info.Index), FileName = info.FileName, ContentType = info.ContentType, Content = content!
            });

        if (await InboundMatch.FindAsync(session, message, kind, token) is not { } match)
        {
            mail.Note = "No appeal email matches this message (by In-Reply-To, References, or sender and subject): assign it to a recipient.";
            return outgoing;
        }
        var stream = await session.Events.FetchForWriting<AppealRecipient>(AppealRecipient.StreamId(match.AppealId, match.TargetId), token);
        var outcome = InboundDecision.Decide(kind, stream.Aggregate!, mail.Id, mail.From, mail.Subject, mail.Attachments, match.How, settings.Value,
            clock.GetUtcNow());
        Record(session, stream, outcome, outgoing);
        (mail.AppealId, mail.TargetId, mail.MatchedBy, mail.Note) = (match.AppealId, match.TargetId, match.How, outcome.Note);
        return outgoing;
    }

    /// <summary>The outcome's events on the stream; a hard bounce also closes the address for later appeals.</summary>
    public static void Record(IDocumentSession session, IEventStream<AppealRecipient> stream, InboundOutcome outcome, OutgoingMessages outgoing)
    {
        stream.AppendMany(outcome.Events);
        foreach (var bounced in outcome.Events.OfType<AppealBounced>().Where(b => b.RetryAt is null && stream.Aggregate?.Email is not null))
            session.Store(new BouncedAddress
            {
                Id = BouncedAddress.IdFor(stream.Aggregate!.Email!), Status = bounced.Status, Diagnostic = bounced.Diagnostic,
                AppealId = bounced.AppealId, TargetId = bounced.TargetId, At = bounced.At
            });
        if (outcome.Resend is not null) outgoing.Add(outcome.Resend);
    }

    private static void Describe(InboundMail mail, MimeMessage message, InboundClass kind, List<(InboundAttachmentInfo Info, byte[]? Content)> attachments)
    {
        mail.MessageId = message.MessageId;
        mail.From = message.From.Mailboxes.FirstOrDefault()?.Address;
        mail.Subject = message.Subject;
        mail.Date = message.Date == DateTimeOffset.MinValue ? null : message.Date;
        mail.Attachments = attachments.Select(a => a.Info).ToList();
        switch (kind)
        {
            case InboundClass.Bounce b: (mail.Kind, mail.Bounce, mail.Text) = ("bounce", b.Facts, InboundClassification.TextOf(message)); break;
            case InboundClass.DeliveryNotice n: (mail.Kind, mail.Bounce, mail.Text) = ("deliveryNotice", n.Facts, InboundClassification.TextOf(message)); break;
            case InboundClass.AutoReply a: (mail.Kind, mail.AutoReplyReason, mail.Text) = ("autoReply", a.Why, a.Text); break;
            case InboundClass.Reply r: (mail.Kind, mail.Text, mail.ProposedReference) = ("reply", r.Text, r.Reference); break;
        }
    }
}
