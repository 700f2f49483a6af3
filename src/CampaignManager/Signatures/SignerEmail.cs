using System.Net;

namespace CampaignManager.Signatures;

/// <summary>
/// What a public signer's email says. <see cref="ConfirmLink"/> (null when the letter asks for no confirmation) and
/// <see cref="ManageLink"/> are the only places the personal secrets ever appear.
/// </summary>
public record SignerEmailContent(Guid SignatureId, string ToName, string ToAddress, string LetterTitle, int SignedVersion,
    string? ConfirmLink, DateTimeOffset? ConfirmBy, bool ApprovalFollows, string ManageLink, DateTimeOffset Round, DateTimeOffset Date);

/// <summary>Renders the email a public signer receives on signing: plain text and HTML. Pure, like the re-confirmation email.</summary>
public static class SignerEmail
{
    /// <summary>Stable per signature and sign-on, so a relay's duplicate is recognisable as the same message.</summary>
    public static string MessageIdFor(Guid signatureId, DateTimeOffset round, string fromAddress) =>
        $"signed-{signatureId:N}-{round.UtcTicks}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    public static string SubjectFor(SignerEmailContent c) => c.ConfirmLink is null
        ? $"Your signature on “{c.LetterTitle}”"
        : $"Please confirm your signature on “{c.LetterTitle}”";

    /// <exception cref="ParseException">The signer's address is not a valid email address.</exception>
    public static MimeMessage Render(SignerEmailContent content, MailboxAddress from)
    {
        var message = new MimeMessage
        {
            Subject = SubjectFor(content),
            MessageId = MessageIdFor(content.SignatureId, content.Round, from.Address),
            Date = content.Date,
            Body = new BodyBuilder { TextBody = PlainText(content), HtmlBody = Html(content) }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(content.ToName, content.ToAddress));
        return message;
    }

    // (paragraph, link after it or null)
    private static IEnumerable<(string Text, string? Link)> Parts(SignerEmailContent c)
    {
        yield return ($"Dear {c.ToName},", null);
        yield return ($"Thank you for signing version {c.SignedVersion} of the letter “{c.LetterTitle}”.", null);
        if (c.ConfirmLink is { } confirm)
            yield return ("Your signature counts only once you confirm that this email address is yours. Open this link and " +
                          $"press “Confirm my signature” before {c.ConfirmBy:yyyy-MM-dd HH:mm} UTC; after that the link expires " +
                          "and the signature is discarded." + (c.ApprovalFollows ? " The organizers then review it before it appears." : ""),
                confirm);
        yield return ("At any time until the letter is final, this second link shows your signature as it is recorded " +
                      "and lets you withdraw it:", c.ManageLink);
        yield return ("Both links are for you only: please do not forward this email. If you did not sign, ignore it: " +
                      "an unconfirmed signature never counts.", null);
    }

    private static string PlainText(SignerEmailContent c) =>
        string.Join("\n\n", Parts(c).Select(p => p.Link is null ? p.Text : p.Text + "\n\n" + p.Link)) + "\n";

    private static string Html(SignerEmailContent c) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(SubjectFor(c)) + "</title></head>\n<body>\n" +
        string.Concat(Parts(c).Select(p => $"<p>{WebUtility.HtmlEncode(p.Text)}</p>\n" +
            (p.Link is { } l ? $"<p><a href=\"{WebUtility.HtmlEncode(l)}\">{WebUtility.HtmlEncode(l)}</a></p>\n" : ""))) +
        "</body></html>\n";
}
