using System.Net;
using CampaignManager.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignManager.Signatures;

/// <summary>
/// What one re-confirmation email says; <see cref="Link"/> is the only place the personal secret ever appears.
/// <see cref="Language"/>: the language of the text the signer signed, which the email speaks when we have its strings.
/// </summary>
public record ReconfirmationEmailContent(Guid SignatureId, string ToName, string ToAddress, string LetterTitle,
    int SignedVersion, int TextVersion, string Link, bool Reminder, DateTimeOffset Date, string Language = "en");

/// <summary>Renders the email that asks a signer to re-confirm: plain text and HTML. Pure, like the appeal email.</summary>
public static class ReconfirmationEmail
{
    // The strings from ReconfirmationEmailText.*.resx through the same localizer the pages use, built once here so
    // rendering stays a pure function of its content, outside any request.
    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(ReconfirmationEmailText));

    private static T In<T>(ReconfirmationEmailContent c, Func<T> render) => Localization.In(Localization.UiCultureFor(c.Language), render);

    /// <summary>Stable per signature, version and round, so a relay's duplicate is recognisable as the same message.</summary>
    public static string MessageIdFor(Guid signatureId, int textVersion, bool reminder, string fromAddress) =>
        $"reconfirm-{signatureId:N}-v{textVersion}{(reminder ? "-reminder" : "")}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    public static string SubjectFor(ReconfirmationEmailContent c) =>
        In(c, () => Text[c.Reminder ? "ReminderSubject" : "Subject", c.LetterTitle].Value);

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

    private static IReadOnlyList<string> Paragraphs(ReconfirmationEmailContent c) => In(c, () => (IReadOnlyList<string>)
    [
        Text["Dear", c.ToName].Value,
        Text["YouSigned", c.SignedVersion, c.LetterTitle, c.TextVersion].Value,
        Text["YourLink"].Value,
        Text["DoNotForward"].Value
    ]);

    private static string PlainText(ReconfirmationEmailContent c) =>
        string.Join("\n\n", Paragraphs(c).Take(3)) + "\n\n" + c.Link + "\n\n" + Paragraphs(c).Last() + "\n";

    private static string Html(ReconfirmationEmailContent c)
    {
        var p = Paragraphs(c).Select(WebUtility.HtmlEncode).ToList();
        var link = WebUtility.HtmlEncode(c.Link);
        var culture = Localization.UiCultureFor(c.Language);
        var dir = culture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        return $"<!DOCTYPE html>\n<html lang=\"{culture.Name}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>" + WebUtility.HtmlEncode(SubjectFor(c)) + "</title></head>\n<body>\n" +
               string.Concat(p.Take(3).Select(x => $"<p>{x}</p>\n")) +
               $"<p><a href=\"{link}\">{link}</a></p>\n<p>{p[3]}</p>\n</body></html>\n";
    }
}
