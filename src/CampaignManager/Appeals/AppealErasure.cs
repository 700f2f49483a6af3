using System.Net;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Appeals.Inbox;
using CampaignManager.Signatures;

namespace CampaignManager.Appeals;

/// <summary>
/// An erased signer's line in the appeals already sent with the letter: in each <see cref="AppealSent"/> event (Marten's
/// event-data masking), the <see cref="Appeal"/> snapshot folded from it, and the stored copy of each email sent
/// (<see cref="SentAppealEmail"/>), whose text and HTML parts are rewritten; its SHA-256 stays that of the message as
/// it was written to the relay, and <see cref="SentAppealEmail.MaskedAt"/> says the copy no longer is. An individual's
/// line becomes "Name withheld"; an organization keeps its name and loses its contact's title.
/// </summary>
public sealed class AppealErasure : ISignerDataElsewhere
{
    private static readonly AsyncLocal<Func<string, string>?> Rewriting = new();
    private static readonly AsyncLocal<SignerErasure.Data?> Scrubbing = new();

    public static void AddMaskingRules(StoreOptions opts)
    {
        // only inside EraseAsync: any other masking pass leaves appeals as they are
        opts.Events.AddMaskingRuleForProtectedInformation<AppealSent>(e =>
            Rewriting.Value is { } rewrite ? e with { SignatoryLines = e.SignatoryLines.Select(rewrite).ToList() } : e);
        opts.Events.AddMaskingRuleForProtectedInformation<AppealReplyReceived>(e =>
            Scrubbing.Value is { } data ? e with { Text = SignerErasure.Scrub(e.Text, data)! } : e);
    }

    /// <summary>The line without the signer's data, or the line itself when it is not the signer's.</summary>
    public static string Rewrite(string line, SignerErasure.Data data)
    {
        if (data.EmailOnly || !IsLineOf(line, data.Name)) return line;
        if (data.Kind == SignatoryKind.Individual) return SignatoryView.Withheld;
        return data.Title is { Length: > 0 } title ? line.Replace(", " + title, "", StringComparison.Ordinal) : line;
    }

    private static bool IsLineOf(string line, string name) =>
        line == name || line.StartsWith(name + ",", StringComparison.Ordinal) || line.StartsWith(name + " (", StringComparison.Ordinal)
        || line.StartsWith(name + "*", StringComparison.Ordinal);

    public async Task EraseAsync(IDocumentStore store, Guid letterId, SignerErasure.Data data, DateTimeOffset at, CancellationToken token)
    {
        if (data.EmailOnly) return; // an appeal never carries a signer's email
        await using var session = store.LightweightSession();
        var appeals = await session.Query<Appeal>().Where(a => a.LetterId == letterId).ToListAsync(token);
        foreach (var appeal in appeals)
        {
            await ScrubRepliesAsync(store, session, appeal.Id, data, token);
            var before = appeal.Sent.SignatoryLines;
            var after = before.Select(l => Rewrite(l, data)).ToList();
            if (after.SequenceEqual(before)) continue;
            Rewriting.Value = l => Rewrite(l, data);
            try
            {
                await store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(appeal.Id), token);
            }
            finally
            {
                Rewriting.Value = null;
            }
            // what folding the masked event gives: the snapshot is inline, and masking rewrites events only
            appeal.Sent = appeal.Sent with { SignatoryLines = after };
            session.Store(appeal);
            foreach (var email in await session.Query<SentAppealEmail>().Where(e => e.AppealId == appeal.Id).ToListAsync(token))
            {
                email.Content = Masked(email.Content, before, after);
                email.MaskedAt = at;
                session.Store(email);
            }
        }
        await session.SaveChangesAsync(token);
    }

    /// <summary>
    /// Replies that quote the letter carry the line too: their text in the recipient's stream and snapshot, the stored
    /// message and its raw copy. Attachments (a government's PDF) are kept as they came: they cannot be rewritten.
    /// </summary>
    private static async Task ScrubRepliesAsync(IDocumentStore store, IDocumentSession session, Guid appealId, SignerErasure.Data data,
        CancellationToken token)
    {
        foreach (var recipient in await session.Query<AppealRecipient>().Where(r => r.AppealId == appealId).ToListAsync(token))
        {
            if (!recipient.Replies.Any(r => SignerErasure.Scrub(r.Text, data) != r.Text)) continue;
            Scrubbing.Value = data;
            try
            {
                await store.Advanced.ApplyEventDataMasking(x => x.IncludeStream(recipient.Id), token);
            }
            finally
            {
                Scrubbing.Value = null;
            }
            recipient.Replies = recipient.Replies.Select(r => r with { Text = SignerErasure.Scrub(r.Text, data)! }).ToList();
            session.Store(recipient);
        }
        foreach (var mail in await session.Query<InboundMail>().Where(m => m.AppealId == appealId).ToListAsync(token))
        {
            if (mail.Text is { } text && SignerErasure.Scrub(text, data) != text)
            {
                mail.Text = SignerErasure.Scrub(text, data);
                session.Store(mail);
            }
            if (await session.LoadAsync<InboundRawMail>(mail.Id, token) is { } raw)
            {
                raw.Content = Rewritten(raw.Content, t => SignerErasure.Scrub(t, data)!);
                session.Store(raw);
            }
        }
    }

    private static byte[] Rewritten(byte[] content, Func<string, string> rewrite)
    {
        var message = MimeMessage.Load(new MemoryStream(content));
        foreach (var part in message.BodyParts.OfType<TextPart>()) part.Text = rewrite(part.Text);
        using var written = new MemoryStream();
        message.WriteTo(written);
        return written.ToArray();
    }

    private static byte[] Masked(byte[] content, IReadOnlyList<string> before, IReadOnlyList<string> after) => Rewritten(content, text =>
    {
        for (var i = 0; i < before.Count; i++)
        {
            if (before[i] == after[i]) continue;
            text = text.Replace(before[i], after[i], StringComparison.Ordinal)
                .Replace(WebUtility.HtmlEncode(before[i]), WebUtility.HtmlEncode(after[i]), StringComparison.Ordinal);
        }
        return text;
    });
}
