using System.IO.Compression;
using CampaignManager.Appeals.Delivery;

namespace CampaignManager.Appeals.Evidence;

/// <summary>What proves one recipient's delivery: the accepted email and the moments from the recipient's stream.</summary>
public sealed record DeliveryProof(AppealRecipient Recipient, SentAppealEmail Email, DateTimeOffset? HandedToRelayAt, DateTimeOffset? AcceptedAt)
{
    /// <summary>The folder's files: the letter as a PDF, the message as sent, and the SMTP facts with the message's hash.</summary>
    public IEnumerable<(string Name, byte[] Content)> Files()
    {
        var message = MimeMessage.Load(new MemoryStream(Email.Content));
        yield return ("letter.pdf", LetterPdf.Render(message.TextBody ?? "", message.Subject ?? Recipient.LetterTitle));
        yield return ("message.eml", Email.Content);
        yield return ("delivery.txt", Encoding.UTF8.GetBytes(Facts(message)));
    }

    private string Facts(MimeMessage message) => string.Join("\n",
    [
        $"Recipient:        {Recipient.Name} <{string.Join(", ", message.To.Mailboxes.Select(m => m.Address))}>",
        $"Subject:          {message.Subject}",
        $"Message-ID:       <{Email.MessageId}>",
        $"Date header:      {message.Headers[HeaderId.Date]}",
        $"Relay:            {Email.Relay}",
        $"Relay's reply:    {Email.Reply}",
        $"Handed to relay:  {Utc(HandedToRelayAt)}",
        $"Accepted:         {Utc(AcceptedAt)}",
        Email.MaskedAt is { } masked
            ? $"SHA-256 of the message as sent: {Email.Sha256} (message.eml is no longer it: a signer's personal data was erased from this copy on {Utc(masked)})"
            : $"SHA-256 of message.eml: {Email.Sha256}",
        $"Appeal {Recipient.AppealId}, target {Recipient.TargetId}",
        ""
    ]);

    private static string Utc(DateTimeOffset? at) => at is { } t ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : "not recorded";

    /// <summary>A file-system-safe folder name for a recipient in the appeal's ZIP.</summary>
    public string Folder => string.Concat(Recipient.Name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '.' ? c : '_')).Trim() +
                            $" ({Recipient.TargetId.ToString("N")[..8]})";

    public static async Task<IReadOnlyList<DeliveryProof>> LoadAsync(IQuerySession session, Guid appealId, IReadOnlyList<AppealRecipient> recipients,
        CancellationToken token)
    {
        var ids = recipients.Select(r => r.Id).ToArray();
        var emails = (await session.LoadManyAsync<SentAppealEmail>(token, ids)).ToDictionary(e => e.Id);
        var events = (await session.Events.QueryAllRawEvents().Where(e => e.StreamId.IsOneOf(ids)).OrderBy(e => e.Sequence).ToListAsync(token))
            .ToLookup(e => e.StreamId, e => e.Data);
        return recipients.Where(r => emails.ContainsKey(r.Id)).Select(r =>
        {
            var email = emails[r.Id];
            var sent = events[r.Id].OfType<AppealEmailSent>().LastOrDefault(e => e.MessageId == email.MessageId);
            var handed = events[r.Id].OfType<AppealHandedToRelay>().LastOrDefault(e => sent is null || e.Attempt == sent.Attempt);
            return new DeliveryProof(r, email, handed?.At, sent?.At);
        }).OrderBy(p => p.Recipient.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static byte[] Zip(IEnumerable<(string Path, byte[] Content)> files)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, content) in files)
            {
                using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(content);
            }
        return output.ToArray();
    }
}

public static class EvidencePackageEndpoint
{
    private const string NothingToProve = "No relay has accepted an email for this recipient, so there is no delivery to prove.";

    [WolverineGet("/api/appeals/{id}/recipients/{targetId}/evidence", Name = "GetRecipientEvidence")]
    [EndpointSummary("One recipient's delivery evidence (ZIP): the letter as a PDF, the message as sent, and the SMTP facts")]
    [Tags("Appeals")]
    public static async Task<IResult> Recipient(Guid id, Guid targetId, IQuerySession session, CancellationToken token)
    {
        if (await session.LoadAsync<AppealRecipient>(AppealRecipient.StreamId(id, targetId), token) is not { } recipient)
            return Results.Problem(Problems.NotFound("Recipient", $"{targetId} in appeal {id}"));
        if ((await DeliveryProof.LoadAsync(session, id, [recipient], token)).SingleOrDefault() is not { } proof)
            return Results.Problem(Problems.Conflict(NothingToProve));
        return Results.File(DeliveryProof.Zip(proof.Files()), "application/zip", $"evidence-{proof.Folder}.zip");
    }

    [WolverineGet("/api/appeals/{id}/evidence", Name = "GetAppealEvidence")]
    [EndpointSummary("The whole appeal's delivery evidence (ZIP): a folder per recipient a relay accepted an email for")]
    [Tags("Appeals")]
    public static async Task<IResult> Appeal(Guid id, IQuerySession session, CancellationToken token)
    {
        if (await session.LoadAsync<Appeal>(id, token) is null) return Results.Problem(Problems.NotFound("Appeal", id));
        var recipients = await session.Query<AppealRecipient>().Where(r => r.AppealId == id).ToListAsync(token);
        var proofs = await DeliveryProof.LoadAsync(session, id, recipients, token);
        if (proofs.Count == 0) return Results.Problem(Problems.Conflict("No relay has accepted an email for any recipient of this appeal yet."));
        return Results.File(DeliveryProof.Zip(proofs.SelectMany(p => p.Files().Select(f => ($"{p.Folder}/{f.Name}", f.Content)))),
            "application/zip", $"evidence-appeal-{id:N}.zip");
    }
}
