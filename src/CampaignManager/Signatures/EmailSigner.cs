using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using CampaignManager.Staff;

namespace CampaignManager.Signatures;

/// <summary>
/// Email a public signer their personal links after the sign-on <see cref="Round"/> committed: to confirm (when the
/// letter asks for it) and to see or withdraw their signature. A durable local message, like a re-confirmation.
/// </summary>
public record EmailSigner(Guid SignatureId, Guid LetterId, DateTimeOffset Round, string LinkBase);

public static class EmailSignerHandler
{
    /// <summary>Null to send; otherwise why not. A redelivered message finds its round recorded and sends nothing.</summary>
    public static string? WhyNotSend(EmailSigner message, Letter? letter, Signature? signature)
    {
        if (letter is null || signature is null) return "the letter or signature is gone";
        if (letter.PublicToken is null) return "the letter has no public page";
        if (string.IsNullOrWhiteSpace(signature.Email)) return "the signer gave no email";
        if (signature.SignerEmailRound >= message.Round) return "already emailed for this sign-on";
        if (signature.Status is SignatureStatus.Withdrawn or SignatureStatus.Rejected or SignatureStatus.Expired)
            return "the signature no longer stands";
        return null;
    }

    public static object Decide(EmailSigner message, Signature signature, bool withConfirmation, DeliveryResult result, DateTimeOffset at)
    {
        object Emailed(string messageId) => new SignerEmailed(signature.Id, message.LetterId, signature.Email!, withConfirmation,
            message.Round, messageId, EmailReconfirmationHandler.System, at);
        return result switch
        {
            DeliveryResult.Sent s => Emailed(s.MessageId),
            // the relay may have it: counted as sent, as a re-confirmation is
            DeliveryResult.Uncertain u => Emailed(u.MessageId),
            DeliveryResult.Failed f => new SignerEmailFailed(signature.Id, message.LetterId, signature.Email!, withConfirmation,
                message.Round, f.Reason, EmailReconfirmationHandler.System, at),
            _ => throw new ArgumentOutOfRangeException(nameof(result))
        };
    }

    public static async Task Handle(EmailSigner message, IDocumentSession session, IDocumentStore store, EmailSender sender,
        TimeProvider clock, ILogger<EmailSigner> logger, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(message.LetterId, token);
        var signature = await session.LoadAsync<Signature>(message.SignatureId, token);
        if (WhyNotSend(message, letter, signature) is { } why)
        {
            logger.LogInformation("Not emailing signer {SignatureId}: {Why}", message.SignatureId, why);
            return;
        }
        var now = clock.GetUtcNow();
        var confirmBy = signature!.Status == SignatureStatus.AwaitingEmailConfirmation ? signature.ConfirmEmailBy : null;
        var (confirm, manage) = (confirmBy is null ? null : Secrets.NewToken(), Secrets.NewToken());
        // committed before the email leaves, so the links already work when it arrives
        await using (var links = store.LightweightSession())
        {
            if (confirm is not null)
                links.Store(new SignerLink(Secrets.Hash(confirm), signature.Id, letter!.Id, SignerLinkPurpose.Confirm, now, confirmBy));
            links.Store(new SignerLink(Secrets.Hash(manage), signature.Id, letter!.Id, SignerLinkPurpose.Manage, now));
            await links.SaveChangesAsync(token);
        }
        // the signer reads the email in the language of the text they signed, titled as that text is
        var language = signature.Language ?? letter.SourceLanguage;
        var title = letter.TextIn(signature.Language, signature.SignedVersion)?.Title ?? letter.Title;
        var content = new SignerEmailContent(signature.Id, signature.Name, signature.Email!, title, signature.SignedVersion,
            confirm is null ? null : message.LinkBase + SignerLinks.ConfirmPath(letter.PublicToken!, confirm), confirmBy,
            signature.ApprovalAfterConfirmation, message.LinkBase + SignerLinks.ManagePath(letter.PublicToken!, manage), message.Round, now, language);
        DeliveryResult result;
        try
        {
            result = await sender.SendAsync(SignerEmail.Render(content, sender.From), null, token);
        }
        catch (ParseException e)
        {
            result = new DeliveryResult.Failed($"Invalid address '{signature.Email}': {e.Message}", Permanent: true);
        }
        session.Events.Append(signature.Id, Decide(message, signature, confirm is not null, result, clock.GetUtcNow()));
    }
}
