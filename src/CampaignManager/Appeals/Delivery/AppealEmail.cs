using System.Net;
using CampaignManager.Letters;

namespace CampaignManager.Appeals.Delivery;

/// <summary>
/// Renders one appeal email: cover message, date, addressee, subject line, letter body, closing, signatories,
/// as plain text and HTML. Pure: no I/O, the same input always gives the same message.
/// </summary>
public static class AppealEmail
{
    /// <summary>
    /// Stable per (appeal, recipient) so a resend after an uncertain failure carries the same id and receiving
    /// systems (and we, reading bounces) can recognise it as the same message. The domain is the sender's own
    /// (<c>Smtp:From</c>), as RFC 5322 recommends, so nothing in the message names the tool that sent it.
    /// </summary>
    public static string MessageIdFor(Guid appealId, Guid targetId, string fromAddress) =>
        $"appeal-{appealId:N}-{targetId:N}@{fromAddress[(fromAddress.LastIndexOf('@') + 1)..]}";

    /// <exception cref="ParseException">The target's address is not a valid email address.</exception>
    public static MimeMessage Render(AppealEmailContent content, MailboxAddress from)
    {
        var message = new MimeMessage
        {
            Subject = content.Subject,
            MessageId = MessageIdFor(content.AppealId, content.TargetId, from.Address),
            Date = content.Date,
            Body = new BodyBuilder { TextBody = PlainText(content), HtmlBody = Html(content) }.ToMessageBody(),
        };
        message.From.Add(from);
        message.To.Add(new MailboxAddress(content.ToName, content.ToAddress));
        // No X- headers: recipients are often the governments a letter criticises, and a header naming the tool
        // fingerprints every organization that uses it. The Message-ID already traces a bounce to appeal and target.
        return message;
    }

    private static string FormatDate(DateTimeOffset date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<string> AddresseeLines(AppealEmailContent c) =>
        new[] { c.ToName, c.ToTitle, c.ToOrganization }.Where(l => !string.IsNullOrWhiteSpace(l))!;

    private static string PlainText(AppealEmailContent c)
    {
        var text = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(c.CoverMessage))
            text.Append(Normalize(c.CoverMessage).Trim()).Append("\n\n----------\n\n");
        text.Append(FormatDate(c.Date)).Append("\n\n");
        foreach (var line in AddresseeLines(c)) text.Append(line).Append('\n');
        text.Append("\nRe: ").Append(c.Subject).Append("\n\n");
        if (c.FormOfAddress is { } salutation) text.Append(salutation).Append(",\n\n");
        // Markdown is written to read well as plain text, and keeps link targets that a renderer would drop; an image's
        // address is not a link target but a tracker, so only its alt text stays
        text.Append(Normalize(LetterMarkdown.WithoutImages(c.MarkdownBody)).Trim()).Append("\n\n");
        text.Append(c.Closing).Append("\n\n");
        foreach (var line in c.SignatoryLines) text.Append(line).Append('\n');
        return text.ToString();
    }

    private static string Html(AppealEmailContent c)
    {
        var html = new StringBuilder();
        var dir = c.Language is { } tag && Letters.Languages.Normalize(tag) is { } known && Letters.Languages.RightToLeft(known) ? " dir=\"rtl\"" : "";
        html.Append("<!DOCTYPE html>\n<html").Append(c.Language is null ? "" : $" lang=\"{Encode(c.Language)}\"{dir}").Append("><head><meta charset=\"utf-8\"><title>").Append(Encode(c.Subject)).Append("</title></head>\n<body>\n");
        if (!string.IsNullOrWhiteSpace(c.CoverMessage))
            html.Append("<div class=\"cover-message\">").Append(Paragraphs(c.CoverMessage)).Append("</div>\n<hr>\n");
        html.Append("<p class=\"date\">").Append(Encode(FormatDate(c.Date))).Append("</p>\n");
        html.Append("<p class=\"addressee\">").Append(Lines(AddresseeLines(c))).Append("</p>\n");
        html.Append("<p class=\"subject\"><strong>Re: ").Append(Encode(c.Subject)).Append("</strong></p>\n");
        if (c.FormOfAddress is { } salutation) html.Append("<p class=\"salutation\">").Append(Encode(salutation)).Append(",</p>\n");
        html.Append("<div class=\"letter-body\">\n").Append(LetterMarkdown.ToHtml(c.MarkdownBody)).Append("</div>\n");
        html.Append("<p class=\"closing\">").Append(Encode(c.Closing)).Append("</p>\n");
        html.Append("<p class=\"signatories\">").Append(Lines(c.SignatoryLines)).Append("</p>\n");
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Lines(IEnumerable<string> lines) => string.Join("<br>\n", lines.Select(Encode));

    /// <summary>A cover message is plain text: blank lines separate paragraphs, single newlines stay line breaks.</summary>
    private static string Paragraphs(string text) => string.Concat(
        Normalize(text).Trim().Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => $"<p>{Lines(p.Split('\n'))}</p>"));

    private static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n');
}
