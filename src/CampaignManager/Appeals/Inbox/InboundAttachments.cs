namespace CampaignManager.Appeals.Inbox;

public static class InboundAttachments
{
    /// <summary>Each attachment's name, type and size; its bytes only up to <paramref name="maxBytes"/>.</summary>
    public static List<(InboundAttachmentInfo Info, byte[]? Content)> Extract(MimeMessage message, long maxBytes)
    {
        var found = new List<(InboundAttachmentInfo, byte[]?)>();
        foreach (var part in message.Attachments.OfType<MimePart>())
        {
            using var buffer = new MemoryStream();
            part.Content?.DecodeTo(buffer);
            var size = buffer.Length;
            var stored = size <= maxBytes;
            var name = string.IsNullOrWhiteSpace(part.FileName) ? $"attachment-{found.Count + 1}" : Path.GetFileName(part.FileName);
            found.Add((new InboundAttachmentInfo(found.Count, name, part.ContentType.MimeType, size, stored), stored ? buffer.ToArray() : null));
        }
        return found;
    }

    /// <summary>What staff can read of a message MIME could not parse: its bytes as text, cut short.</summary>
    public static string Readable(byte[] content)
    {
        var text = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, InboundClassification.MaxTextLength));
        return new string(text.Select(c => char.IsControl(c) && c is not '\n' and not '\t' ? ' ' : c).ToArray()).Replace("\r", "");
    }
}
