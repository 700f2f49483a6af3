using System.Net;
using CampaignManager.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CampaignManager.Signatures;

/// <summary>
/// What a public signer's email says. <see cref="ConfirmLink"/> (null when the letter asks for no confirmation) and
/// <see cref="ManageLink"/> are the only places the personal secrets ever appear. <see cref="Language"/>: the language
/// of the text the signer signed, which the email speaks when we have its strings (else English).
/// </summary>
public record SignerEmailContent(Guid SignatureId, string ToName, string ToAddress, string LetterTitle, int SignedVersion,
    string? ConfirmLink, DateTimeOffset? ConfirmBy, bool ApprovalFollows, string ManageLink, DateTimeOffset Round, DateTimeOffset Date,
    string Language = "en");

/// <summary>Renders the email a public signer receives on signing: plain text and HTML. Pure, like the re-confirmation email.</summary>
public static class SignerEmail
{
    // SignerEmailText.*.resx through the localizer the pages use, built once so rendering stays pure and outside any request
    private static readonly IStringLocalizer Text = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(SignerEmailText));

    private static T In<T>(SignerEmailContent c, Func<T> render) => Localization.In(Localization.UiCultureFor(c.Language), render);

    /// <summary>Stable per signature and sign-on, so a relay's duplicate is recognisable as the same message.</summary>
    public static string MessageIdFor(Guid signatureId, DateTimeOffset round, string fromAddress) =>
        $"signed-{signatureId:N}-{round.UtcTicks}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    public static string SubjectFor(SignerEmailContent c) =>
        In(c, () => Text[c.ConfirmLink is null ? "Subject" : "ConfirmSubject", c.LetterTitle].Value);

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
    private static IReadOnlyList<(string Text, string? Link)> Parts(SignerEmailContent c) => In(c, () =>
    {
        var culture = Localization.UiCultureFor(c.Language);
        var parts = new List<(string, string?)>
        {
            (Text["Dear", c.ToName].Value, null),
            (Text["Thanks", c.SignedVersion, c.LetterTitle].Value, null)
        };
        if (c.ConfirmLink is { } confirm)
            parts.Add((Text["ConfirmBefore", c.ConfirmBy is { } by ? Localization.Moment(by, culture) : ""].Value +
                       (c.ApprovalFollows ? " " + Text["ApprovalFollows"].Value : ""), confirm));
        parts.Add((Text["ManageLink"].Value, c.ManageLink));
        parts.Add((Text["DoNotForward"].Value, null));
        return (IReadOnlyList<(string, string?)>)parts;
    });

    private static string PlainText(SignerEmailContent c) =>
        string.Join("\n\n", Parts(c).Select(p => p.Link is null ? p.Text : p.Text + "\n\n" + p.Link)) + "\n";

    private static string Html(SignerEmailContent c)
    {
        var culture = Localization.UiCultureFor(c.Language);
        return $"<!DOCTYPE html>\n<html lang=\"{culture.Name}\" dir=\"{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}\"><head><meta charset=\"utf-8\"><title>" +
               WebUtility.HtmlEncode(SubjectFor(c)) + "</title></head>\n<body>\n" +
               string.Concat(Parts(c).Select(p => $"<p>{WebUtility.HtmlEncode(p.Text)}</p>\n" +
                   (p.Link is { } l ? $"<p><a href=\"{WebUtility.HtmlEncode(l)}\">{WebUtility.HtmlEncode(l)}</a></p>\n" : ""))) +
               "</body></html>\n";
    }
}
