using System.Text.RegularExpressions;
using MimeKit.Text;

namespace CampaignManager.Appeals.Inbox;

/// <summary>What a delivery status notification (RFC 3464) says about the one recipient it reports on.</summary>
public sealed record BounceFacts(string Status, string? Diagnostic, string? FinalRecipient, string? Action, string? OriginalMessageId)
{
    /// <summary>RFC 3463: 4.x.x is transient (worth another try later), anything else that failed is for good.</summary>
    public bool Permanent => !Status.StartsWith('4');
}

/// <summary>What an inbound message is. Decided from the message alone; which recipient it concerns is matched separately.</summary>
public abstract record InboundClass
{
    private InboundClass() { }

    /// <summary>The relay or the recipient's server gave up on the email (Action: failed).</summary>
    public sealed record Bounce(BounceFacts Facts) : InboundClass;

    /// <summary>A report that changes nothing yet: "delayed" (the relay is still trying), "delivered", "relayed".</summary>
    public sealed record DeliveryNotice(BounceFacts Facts) : InboundClass;

    public sealed record AutoReply(string Why, string Text) : InboundClass;

    /// <summary>A person wrote. <see cref="Text"/> is the whole text; <see cref="Reference"/> was found in what they wrote, not the quote.</summary>
    public sealed record Reply(string Text, string? Reference) : InboundClass;
}

public static partial class InboundClassification
{
    public const int MaxTextLength = 20_000;

    public static InboundClass Classify(MimeMessage message)
    {
        if (DeliveryStatus(message) is { } facts)
            return string.Equals(facts.Action, "failed", StringComparison.OrdinalIgnoreCase) || facts.Action is null && facts.Status.StartsWith('5')
                ? new InboundClass.Bounce(facts)
                : new InboundClass.DeliveryNotice(facts);
        var text = TextOf(message);
        if (AutoReplyReason(message) is { } why) return new InboundClass.AutoReply(why, text);
        return new InboundClass.Reply(text, ReferenceIn(OwnWords(text)));
    }

    /// <summary>The per-recipient fields of a <c>multipart/report; report-type=delivery-status</c>, wherever it sits in the message.</summary>
    public static BounceFacts? DeliveryStatus(MimeMessage message)
    {
        var report = message.BodyParts.Concat([message.Body]).OfType<MultipartReport>().FirstOrDefault()
                     ?? (message.Body as Multipart)?.OfType<MultipartReport>().FirstOrDefault();
        if (report is null || !string.Equals(report.ReportType, "delivery-status", StringComparison.OrdinalIgnoreCase)) return null;
        var status = report.OfType<MessageDeliveryStatus>().FirstOrDefault();
        // the first group describes the whole report (Reporting-MTA); each following one a recipient
        var recipient = status?.StatusGroups.Skip(1).FirstOrDefault(g => g.Contains("Status"));
        if (recipient is null) return null;
        var code = StatusCode().Match(recipient["Status"] ?? "");
        if (!code.Success) return null;
        var original = report.OfType<MessagePart>().Select(p => p.Message?.MessageId).FirstOrDefault(id => id is not null);
        return new BounceFacts(code.Value, AfterType(recipient["Diagnostic-Code"]), AfterType(recipient["Final-Recipient"] ?? recipient["Original-Recipient"]),
            recipient["Action"]?.Trim().ToLowerInvariant(), original);
    }

    /// <summary>
    /// RFC 3834's <c>Auto-Submitted</c> (anything but "no"), then what mail systems that predate it still send:
    /// X-Autoreply, X-Autorespond, <c>Precedence: auto_reply</c>, and the usual out-of-office subjects.
    /// </summary>
    public static string? AutoReplyReason(MimeMessage message)
    {
        var h = message.Headers;
        if (h["Auto-Submitted"] is { } submitted && !submitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return $"Auto-Submitted: {submitted.Trim()}";
        foreach (var name in new[] { "X-Autoreply", "X-Autorespond", "X-Auto-Reply", "X-Autoresponder" })
            if (h[name] is { } value && !value.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return $"{name}: {value.Trim()}";
        if (h["Precedence"] is { } precedence && precedence.Trim().Equals("auto_reply", StringComparison.OrdinalIgnoreCase)) return "Precedence: auto_reply";
        if (message.Subject is { } subject && OutOfOfficeSubject().IsMatch(subject)) return $"Subject: {subject.Trim()}";
        return null;
    }

    /// <summary>The text part when there is one; otherwise the HTML reduced to its text, so no markup is ever kept or shown.</summary>
    public static string TextOf(MimeMessage message)
    {
        var text = message.TextBody ?? (message.HtmlBody is { } html ? HtmlText(html) : "");
        text = text.Replace("\r\n", "\n").Replace('\r', '\n').Trim();
        return text.Length > MaxTextLength ? text[..MaxTextLength] + "\n[...]" : text;
    }

    /// <summary>What the sender wrote above the quote: lines up to the attribution ("On ... wrote:") or the first quoted line.</summary>
    public static string OwnWords(string text)
    {
        var own = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith('>') || Attribution().IsMatch(trimmed)) break;
            own.Add(line);
        }
        return string.Join('\n', own).Trim();
    }

    /// <summary>"Ref: JP-2030-117", "Our reference 2026/UN/0455", "Reference No. 4471": a token with at least one digit.</summary>
    public static string? ReferenceIn(string text) =>
        Reference().Match(text) is { Success: true } m ? m.Groups["ref"].Value.TrimEnd('.', '-', '/', ',') : null;

    private static string? AfterType(string? field)
    {
        if (string.IsNullOrWhiteSpace(field)) return null;
        var value = Regex.Replace(field, @"\s+", " ").Trim();
        var semicolon = value.IndexOf(';');
        return (semicolon >= 0 ? value[(semicolon + 1)..] : value).Trim().Trim('<', '>');
    }

    private static string HtmlText(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html));
        var skipping = false;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style:
                    skipping = !tag.IsEndTag;
                    break;
                case HtmlTagToken tag when tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.LI or HtmlTagId.BlockQuote:
                    text.Append('\n');
                    break;
                case HtmlDataToken data when !skipping && token is not HtmlScriptDataToken:
                    text.Append(data.Data);
                    break;
            }
        }
        return Regex.Replace(text.ToString(), @"\n[ \t]*\n[\s]*", "\n\n");
    }

    [GeneratedRegex(@"^\s*[245]\.\d{1,3}\.\d{1,3}")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"^\s*(auto(matic)?[ -]?(reply|response|antwort)|auto:|autoreply|out of (the )?office|abwesenheit|r[ée]ponse automatique|respuesta autom[áa]tica|absence)",
        RegexOptions.IgnoreCase)]
    private static partial Regex OutOfOfficeSubject();

    [GeneratedRegex(@"^(on .{3,200} wrote:|-{2,}\s*original message\s*-{2,}|from: .+)$", RegexOptions.IgnoreCase)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"\b(?:our\s+|your\s+)?ref(?:erence)?(?:\s*(?:no|nr|number)\.?)?\s*[:#]?\s*(?<ref>[A-Z0-9][A-Z0-9/._-]*\d[A-Z0-9/._-]*)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Reference();
}
