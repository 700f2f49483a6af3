using CampaignManager.Hosting.Email;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Appeals.Inbox;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Appeals;

/// <summary>
/// Send one recipient's email. Each recipient is its own message, so one bad address holds up no one else.
/// <see cref="Attempt"/> counts within one round: a staff retry starts a round at 1 again, and the recipient keeps the
/// earlier rounds' attempts apart (<see cref="AppealRecipient.EarlierAttempts"/>), so the total never goes back.
/// </summary>
public record DeliverAppealEmail(Guid AppealId, Guid TargetId, int Attempt = 1) : IAppealDeliveryStep
{
    public string ReasonAfter(Exception databaseFault) => databaseFault is DeliveryNotStartedException
        ? $"Not sent: the database kept failing before the email could be handed to the relay ({DeliveryFaults.Describe(databaseFault)}). Retrying is safe."
        : $"The email was handed to the relay but its outcome could not be saved ({DeliveryFaults.Describe(databaseFault)}): " +
          "it may have been delivered, so check before retrying, which sends it again.";
}

public static class DeliverAppealEmailHandler
{
    public const string System = "system";

    public static AppealEmailContent ContentFor(Appeal appeal, AppealRecipient recipient)
    {
        var sent = appeal.Sent;
        var who = sent.Recipients.Single(r => r.TargetId == recipient.TargetId);
        // the translation in the recipient's language when one was sent; the source text otherwise
        var translated = sent.Translations?.FirstOrDefault(t => t.Language == who.Language);
        return new AppealEmailContent(appeal.Id, recipient.TargetId, recipient.Email ?? "", who.Name, who.Title,
            who.Organization, translated?.Subject ?? sent.Subject, translated?.Body ?? sent.Body, translated?.Closing ?? sent.Closing,
            sent.SignatoryLines, sent.CoverMessage, sent.At, who.FormOfAddress, who.Language);
    }

    /// <summary>
    /// The decision after an attempt: sent, failed for good, (relay trouble, attempts left) deferred with the next
    /// attempt scheduled, or uncertain when the relay's answer to the message was lost. Returns the event and, when
    /// deferred, the delayed message.
    /// </summary>
    public static (object Event, DeliveryMessage<DeliverAppealEmail>? Next) Decide(DeliverAppealEmail message, string toAddress,
        DeliveryResult result, IReadOnlyList<TimeSpan> redeliveryDelays, DateTimeOffset at) => result switch
    {
        DeliveryResult.Sent s => (new AppealEmailSent(message.AppealId, message.TargetId, toAddress, s.MessageId, message.Attempt, System, at), null),
        DeliveryResult.Failed { Permanent: false } f when message.Attempt <= redeliveryDelays.Count =>
            (new AppealDeliveryDeferred(message.AppealId, message.TargetId, f.Reason, message.Attempt,
                    at + redeliveryDelays[message.Attempt - 1], System, at),
                (message with { Attempt = message.Attempt + 1 }).DelayedFor(redeliveryDelays[message.Attempt - 1])),
        DeliveryResult.Failed f => (new AppealDeliveryFailed(message.AppealId, message.TargetId, f.Reason, f.Permanent,
            f.SmtpStatusCode, message.Attempt, System, at), null),
        DeliveryResult.Uncertain u => (new AppealDeliveryUncertain(message.AppealId, message.TargetId,
            AppealArrival.ReplyLostReason(u.Reason, u.MessageId), message.Attempt, at, System, at), null),
        _ => throw new ArgumentOutOfRangeException(nameof(result))
    };

    /// <summary>
    /// The accepted email and the relay's reply, for the evidence package, in a session of its own: true whatever becomes
    /// of recording the outcome. A database error here loses the copy, never the delivery (the outcome is still recorded).
    /// </summary>
    private static async Task KeepForEvidenceAsync(IDocumentStore store, AppealEmailContent content, string messageId, SmtpReceipt receipt,
        ILogger logger, CancellationToken token)
    {
        try
        {
            await using var session = store.LightweightSession();
            session.Store(SentAppealEmail.Of(content, messageId, receipt));
            await session.SaveChangesAsync(token);
        }
        catch (Exception e) when (DeliveryFaults.IsDatabaseFault(e))
        {
            // nothing to retry: the email is out, and its outcome is recorded as usual
            logger.LogWarning(e, "Appeal {AppealId} recipient {TargetId}: sent, but the copy for its evidence package was not saved",
                content.AppealId, content.TargetId);
        }
    }

    /// <summary>A hard bounce said this address does not exist: sending again would only bounce again, and mark the sender as careless.</summary>
    public static AppealDeliveryFailed Refused(DeliverAppealEmail message, string address, BouncedAddress bounced, DateTimeOffset at) =>
        new(message.AppealId, message.TargetId,
            $"Not sent: {address} bounced permanently on {bounced.At.UtcDateTime:yyyy-MM-dd} ({bounced.Status}" +
            $"{(bounced.Diagnostic is null ? "" : $": {bounced.Diagnostic}")}); correct the target's email, then retry.",
            Permanent: true, SmtpStatusCode: null, message.Attempt, System, at);

    /// <summary>
    /// A database error before the send (reading, or committing the hand-over mark) is retried: nothing has left yet, and
    /// a re-run that finds the mark committed after all says uncertain rather than sending. One after the send, while
    /// committing the outcome message, fails the recipient at once, with a reason that says it may have been delivered.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        DeliveryFaults.RetryThenFail(chain, e => e is DeliveryNotStartedException, "a database error before the email was handed to the relay");
        DeliveryFaults.FailAtOnce(chain, DeliveryFaults.IsDatabaseFault, "a database error after the email was handed to the relay");
    }

    public static async Task<OutgoingMessages> Handle(DeliverAppealEmail message, IDocumentSession session, IDocumentStore store,
        IEmailSender sender, IOptions<AppealDeliverySettings> settings, IOptions<SmtpSettings> smtp, TimeProvider clock,
        ILogger<DeliverAppealEmail> logger, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        AppealRecipient? recipient;
        Appeal? appeal;
        BouncedAddress? bounced;
        try
        {
            recipient = await session.LoadAsync<AppealRecipient>(AppealRecipient.StreamId(message.AppealId, message.TargetId), token);
            appeal = await session.LoadAsync<Appeal>(message.AppealId, token);
            bounced = recipient?.Email is { } to ? await session.LoadAsync<BouncedAddress>(BouncedAddress.IdFor(to), token) : null;
        }
        catch (Exception e) when (DeliveryFaults.IsDatabaseFault(e))
        {
            throw new DeliveryNotStartedException(e);
        }
        var messageId = AppealEmail.MessageIdFor(message.AppealId, message.TargetId, smtp.Value.From);
        var arrival = AppealArrival.Decide(message, recipient, messageId, clock.GetUtcNow());
        if (arrival is AppealArrival.Send && bounced is not null)
        {
            outgoing.Add(RecordAppealDelivery.Of(message, Refused(message, recipient!.Email!, bounced, clock.GetUtcNow())));
            return outgoing;
        }
        switch (arrival)
        {
            case AppealArrival.Skip skip:
                logger.LogInformation("Skipping appeal {AppealId} recipient {TargetId}: {Why}", message.AppealId, message.TargetId, skip.Why);
                return outgoing;
            case AppealArrival.Uncertain uncertain:
                logger.LogWarning("Appeal {AppealId} recipient {TargetId}: attempt {Attempt} was cut off while with the relay; not sending it again",
                    message.AppealId, message.TargetId, message.Attempt);
                outgoing.Add(RecordAppealDelivery.Of(message, uncertain.Fact));
                return outgoing;
            case AppealArrival.Send send when appeal is not null:
                var result = await SendAsync(store, sender, ContentFor(appeal, recipient!), send.Fact, recipient!.Version, clock, logger, token);
                var (fact, next) = Decide(message, recipient.Email ?? "", result, settings.Value.Delays, clock.GetUtcNow());
                // The outcome and the next attempt commit together with this message's completion (the outbox on the session).
                outgoing.Add(RecordAppealDelivery.Of(message, fact));
                if (next is not null) outgoing.Add(next);
                return outgoing;
            default:
                throw new InvalidOperationException($"Appeal {message.AppealId} is missing for a queued recipient");
        }
    }

    /// <summary>
    /// Commits <see cref="AppealHandedToRelay"/> once the relay is connected and before MAIL FROM, in a session of its
    /// own: it must be durable before the email can arrive, not commit with this message's completion afterwards. The
    /// expected version makes two runs of one message race for it: only one hands the email over.
    /// </summary>
    private static async Task<DeliveryResult> SendAsync(IDocumentStore store, IEmailSender sender, AppealEmailContent content,
        AppealHandedToRelay handing, int loadedVersion, TimeProvider clock, ILogger logger, CancellationToken token)
    {
        var handed = false;
        try
        {
            var result = await sender.SendAsync(content, async ct =>
            {
                // the sender's own retries reconnect and call this again: the mark is already there
                if (handed) return;
                await using var marking = store.LightweightSession();
                marking.Events.Append(AppealRecipient.StreamId(handing.AppealId, handing.TargetId), loadedVersion + 1,
                    handing with { At = clock.GetUtcNow() });
                await marking.SaveChangesAsync(ct);
                handed = true;
            }, token);
            if (result is DeliveryResult.Sent { Receipt: { } receipt } sent) await KeepForEvidenceAsync(store, content, sent.MessageId, receipt, logger, token);
            return result;
        }
        catch (HandOverAbortedException e)
        {
            // Nothing was offered to the relay, so a re-run is safe; one that finds the mark committed after all reports
            // the recipient uncertain instead of sending.
            throw new DeliveryNotStartedException(e.InnerException!);
        }
    }
}
