namespace CampaignManager.Appeals.Inbox;

/// <summary>One message the reader fetched: UID <see cref="Uid"/> of the folder at <see cref="UidValidity"/>, as raw bytes.</summary>
public record StoreFetchedMail(string CursorId, string Folder, uint UidValidity, uint Uid, byte[] Content);

/// <summary>Asks for the durable work on one stored message: classify, match, record on the recipient's stream.</summary>
public record ProcessInboundMail(Guid MailId);

public static class StoreFetchedMailHandler
{
    /// <summary>
    /// The message, the moved cursor and <see cref="ProcessInboundMail"/> commit together (Wolverine's outbox), so a
    /// crash before the commit fetches the message again and one after it has it queued durably. A message already
    /// stored (same bytes) only moves the cursor; one stored meanwhile by another node fails the insert and rolls back.
    /// </summary>
    public static async Task<OutgoingMessages> Handle(StoreFetchedMail fetched, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var cursor = await session.LoadAsync<InboxCursor>(fetched.CursorId, token) ?? new InboxCursor { Id = fetched.CursorId };
        if (cursor.UidValidity != fetched.UidValidity) (cursor.UidValidity, cursor.LastUid) = (fetched.UidValidity, 0);
        (cursor.LastUid, cursor.UpdatedAt) = (Math.Max(cursor.LastUid, fetched.Uid), now);
        session.Store(cursor);
        var id = InboundMail.IdFor(fetched.Content);
        if (await session.LoadAsync<InboundMail>(id, token) is not null) return [];
        session.Insert(new InboundMail
        {
            Id = id, Folder = fetched.Folder, UidValidity = fetched.UidValidity, Uid = fetched.Uid, Size = fetched.Content.Length,
            FetchedAt = now, Kind = "received"
        });
        session.Insert(new InboundRawMail { Id = id, Content = fetched.Content });
        return [new ProcessInboundMail(id)];
    }
}
