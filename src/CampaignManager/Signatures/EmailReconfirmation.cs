using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using CampaignManager.Staff;

namespace CampaignManager.Signatures;

/// <summary>Email one signer their personal re-confirmation link (a durable local message, like an appeal recipient's).</summary>
public record EmailReconfirmation(Guid SignatureId, Guid LetterId, int TextVersion, string LinkBase, bool Reminder);

public static class EmailReconfirmationHandler
{
    public const string System = "system";

    /// <summary>Null to send; otherwise why not. A redelivered message finds the email recorded and sends nothing.</summary>
    public static string? WhyNotSend(EmailReconfirmation message, Letter? letter, Signature? signature)
    {
        if (letter is null || signature is null) return "the letter or signature is gone";
        if (letter.Status != LetterStatus.Open) return "the letter is no longer open";
        if (letter.VersionIn(signature.Language) != message.TextVersion) return "a newer revision emails its own round";
        if (signature.Status != SignatureStatus.Active) return "the signature is not in the block";
        if (signature.SignedVersion >= message.TextVersion) return "the signer already re-confirmed";
        if (string.IsNullOrWhiteSpace(signature.Email)) return "the signer gave no email";
        var sameRound = signature.ReconfirmationVersion == message.TextVersion;
        if (sameRound && message.Reminder && signature.ReconfirmationRemindedAt is not null) return "already reminded";
        if (sameRound && !message.Reminder && (signature.ReconfirmationEmailedAt is not null || signature.ReconfirmationEmailError is not null))
            return "already emailed";
        return null;
    }

    /// <summary>What the relay's answer comes to on the signature's stream.</summary>
    public static object Decide(EmailReconfirmation message, Signature signature, DeliveryResult result, DateTimeOffset at) => result switch
    {
        DeliveryResult.Sent s => new ReconfirmationEmailed(signature.Id, message.LetterId, message.TextVersion, signature.Email!,
            message.Reminder, s.MessageId, System, at),
        DeliveryResult.Failed f => new ReconfirmationEmailFailed(signature.Id, message.LetterId, message.TextVersion, signature.Email!,
            message.Reminder, f.Reason, System, at),
        // the relay may have it: counted as sent, since a second copy of this email would do no harm but no good either
        DeliveryResult.Uncertain u => new ReconfirmationEmailed(signature.Id, message.LetterId, message.TextVersion, signature.Email!,
            message.Reminder, u.MessageId, System, at),
        _ => throw new ArgumentOutOfRangeException(nameof(result))
    };

    public static async Task Handle(EmailReconfirmation message, IDocumentSession session, IDocumentStore store, EmailSender sender,
        TimeProvider clock, ILogger<EmailReconfirmation> logger, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(message.LetterId, token);
        var signature = await session.LoadAsync<Signature>(message.SignatureId, token);
        if (WhyNotSend(message, letter, signature) is { } why)
        {
            logger.LogInformation("Not emailing signature {SignatureId} about version {Version}: {Why}", message.SignatureId, message.TextVersion, why);
            return;
        }
        var secret = Secrets.NewToken();
        // committed before the email leaves, so the link already works when it arrives
        await using (var links = store.LightweightSession())
        {
            links.Store(new ReconfirmationLink(Secrets.Hash(secret), signature!.Id, letter!.Id, message.TextVersion, clock.GetUtcNow()));
            await links.SaveChangesAsync(token);
        }
        // in the language of the text the signer signed: its title, and the email's words when we have them
        var content = new ReconfirmationEmailContent(signature.Id, signature.Name, signature.Email!,
            letter.TextIn(signature.Language, message.TextVersion)?.Title ?? letter.Title, signature.SignedVersion,
            message.TextVersion, message.LinkBase + ReconfirmationLinks.PathFor(letter.PublicToken!, secret), message.Reminder, clock.GetUtcNow(),
            signature.Language ?? letter.SourceLanguage);
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(ReconfirmationEmail.Render(content, sender.From), null, token);
        }
        catch (ParseException e)
        {
            result = new DeliveryResult.Failed($"Invalid address '{signature.Email}': {e.Message}", Permanent: true);
        }
        // recorded with this message's completion (the outbox on the session)
        session.Events.Append(signature.Id, Decide(message, signature, result, clock.GetUtcNow()));
    }
}
