using CampaignManager.Appeals.Delivery;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Runtime.Handlers;

namespace CampaignManager.Appeals;

/// <summary>Send one recipient's email. Each recipient is its own message, so one bad address holds up no one else.</summary>
public record DeliverAppealEmail(Guid AppealId, Guid TargetId, int Attempt = 1) : IAppealDeliveryStep
{
    public string ReasonAfter(Exception databaseFault) => databaseFault is DeliveryNotStartedException
        ? $"Not sent: the database kept failing before the email could be handed to the relay ({DeliveryFaults.Describe(databaseFault)}). Retrying is safe."
        : $"The email was handed to the relay but its outcome could not be saved ({DeliveryFaults.Describe(databaseFault)}): " +
          "it may have been delivered, so check before retrying, which sends it again.";
}

/// <summary>
/// How often a recipient is tried again when the relay is unreachable or busy (<c>Appeals:RedeliveryDelays</c>), on
/// top of the sender's own short retries. Once these run out the recipient is failed and staff may retry it.
/// </summary>
public sealed class AppealDeliverySettings
{
    public const string Section = "Appeals";
    public static readonly TimeSpan[] DefaultRedeliveryDelays =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    // null rather than the defaults: the configuration binder appends to an array it finds, it does not replace it
    public TimeSpan[]? RedeliveryDelays { get; set; }

    public IReadOnlyList<TimeSpan> Delays => RedeliveryDelays is { Length: > 0 } configured ? configured : DefaultRedeliveryDelays;
}

public static class DeliverAppealEmailHandler
{
    public const string System = "system";

    public static AppealEmailContent ContentFor(Appeal appeal, AppealRecipient recipient)
    {
        var sent = appeal.Sent;
        var who = sent.Recipients.Single(r => r.TargetId == recipient.TargetId);
        return new AppealEmailContent(appeal.Id, recipient.TargetId, recipient.Email ?? "", who.Name, who.Title,
            who.Organization, sent.Subject, sent.Body, sent.Closing, sent.SignatoryLines, sent.CoverMessage, sent.At);
    }

    /// <summary>
    /// The decision after an attempt: sent, failed for good, or (relay trouble, attempts left) deferred with the next
    /// attempt scheduled. Returns the event and, when deferred, the delayed message.
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
        _ => throw new ArgumentOutOfRangeException(nameof(result))
    };

    /// <summary>
    /// A database error before the send is retried (nothing has left yet); one after it, while committing the outcome
    /// message, is not (a re-run would send the email again): that recipient is failed at once with a reason saying so.
    /// </summary>
    public static void Configure(HandlerChain chain)
    {
        DeliveryFaults.RetryThenFail(chain, e => e is DeliveryNotStartedException, "a database error before the email was handed to the relay");
        DeliveryFaults.FailAtOnce(chain, DeliveryFaults.IsDatabaseFault, "a database error after the email was handed to the relay");
    }

    public static async Task<OutgoingMessages> Handle(DeliverAppealEmail message, IDocumentSession session, IEmailSender sender,
        IOptions<AppealDeliverySettings> settings, TimeProvider clock, ILogger<DeliverAppealEmail> logger, CancellationToken token)
    {
        var outgoing = new OutgoingMessages();
        AppealRecipient? recipient;
        Appeal? appeal;
        try
        {
            recipient = await session.LoadAsync<AppealRecipient>(AppealRecipient.StreamId(message.AppealId, message.TargetId), token);
            appeal = await session.LoadAsync<Appeal>(message.AppealId, token);
        }
        catch (Exception e) when (DeliveryFaults.IsDatabaseFault(e))
        {
            throw new DeliveryNotStartedException(e);
        }
        // Anything but queued means this delivery already happened or was settled otherwise: a redelivered or
        // duplicate message must never send a recipient's letter twice.
        if (recipient is not { Status: RecipientStatus.Queued })
        {
            logger.LogInformation("Skipping appeal {AppealId} recipient {TargetId}: {Status}", message.AppealId, message.TargetId,
                recipient?.Status.ToString() ?? "unknown");
            return outgoing;
        }
        if (appeal is null) throw new InvalidOperationException($"Appeal {message.AppealId} is missing for a queued recipient");

        var result = await sender.SendAsync(ContentFor(appeal, recipient), token);
        var (fact, next) = Decide(message, recipient.Email ?? "", result, settings.Value.Delays, clock.GetUtcNow());
        // The outcome and the next attempt commit together with this message's completion (the outbox on the session).
        outgoing.Add(RecordAppealDelivery.Of(message, fact));
        if (next is not null) outgoing.Add(next);
        return outgoing;
    }
}
