using System.Net;

namespace CampaignManager.Signatures;

/// <summary>What one re-confirmation email says; <see cref="Link"/> is the only place the personal secret ever appears.</summary>
public record ReconfirmationEmailContent(Guid SignatureId, string ToName, string ToAddress, string LetterTitle,
    int SignedVersion, int TextVersion, string Link, bool Reminder, DateTimeOffset Date);

/// <summary>Renders the email that asks a signer to re-confirm: plain text and HTML. Pure, like the appeal email.</summary>
public static class ReconfirmationEmail
{
    /// <summary>Stable per signature, version and round, so a relay's duplicate is recognisable as the same message.</summary>
    public static string MessageIdFor(Guid signatureId, int textVersion, bool reminder, string fromAddress) =>
        $"reconfirm-{signatureId:N}-v{textVersion}{(reminder ? "-reminder" : "")}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    public static string SubjectFor(ReconfirmationEmailContent c) =>
        $"{(c.Reminder ? "Reminder: p" : "P")}lease re-confirm your signature on “{c.LetterTitle}”";

    /// <exception cref="ParseException">The signer's address is not a valid email address.</exception>
    public static MimeMessage Render(ReconfirmationEmailContent content, MailboxAddress from)
    {
        var message = new MimeMessage
        {
            Subject = SubjectFor(content),
            MessageId = MessageIdFor(content.SignatureId, content.TextVersion, content.Reminder, from.Address),
            Date = content.Date,
            Body = new BodyBuilder { TextBody = PlainText(content), HtmlBody = Html(content) }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(content.ToName, content.ToAddress));
        return message;
    }

    private static IEnumerable<string> Paragraphs(ReconfirmationEmailContent c) =>
    [
        $"Dear {c.ToName},",
        $"You signed version {c.SignedVersion} of the letter “{c.LetterTitle}”. The organizers have since revised it; it is now at version {c.TextVersion}.",
        "Your personal link below shows what changed. There you can re-confirm your signature on the new text, or withdraw it.",
        "The link is for your signature only: please do not forward it. It stops working when the letter closes for signatures."
    ];

    private static string PlainText(ReconfirmationEmailContent c) =>
        string.Join("\n\n", Paragraphs(c).Take(3)) + "\n\n" + c.Link + "\n\n" + Paragraphs(c).Last() + "\n";

    private static string Html(ReconfirmationEmailContent c)
    {
        var p = Paragraphs(c).Select(WebUtility.HtmlEncode).ToList();
        var link = WebUtility.HtmlEncode(c.Link);
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(SubjectFor(c)) + "</title></head>\n<body>\n" +
               string.Concat(p.Take(3).Select(x => $"<p>{x}</p>\n")) +
               $"<p><a href=\"{link}\">{link}</a></p>\n<p>{p[3]}</p>\n</body></html>\n";
    }
}
