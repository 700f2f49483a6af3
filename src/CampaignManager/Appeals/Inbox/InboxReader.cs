using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Npgsql;

namespace CampaignManager.Appeals.Inbox;

/// <summary>What this node's reader is doing, for the health of the mailbox and for tests.</summary>
public sealed class InboxReaderState
{
    private int _fetched;
    public volatile bool Reading;
    public string? LastError { get; set; }
    /// <summary>Messages this node handed over since it started.</summary>
    public int Fetched => _fetched;
    internal void Count() => Interlocked.Increment(ref _fetched);
}

/// <summary>
/// Reads the appeals mailbox on one node at a time: the node that holds a PostgreSQL session advisory lock reads, the
/// others stand by and ask again every <see cref="InboxSettings.RetryDelay"/>. The lock dies with its connection, so a
/// node that stops or loses the database frees it for another. Each new message (UID above the cursor) is handed to
/// <see cref="StoreFetchedMail"/>, which stores it, moves the cursor and queues the durable processing together.
/// </summary>
public sealed class InboxReader(IOptions<InboxSettings> options, IDocumentStore store, IServiceScopeFactory scopes,
    InboxReaderState state, ILogger<InboxReader> logger) : BackgroundService
{
    private InboxSettings Settings => options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Settings.Enabled) return;
        var lockId = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("inbox:" + InboxCursor.IdFor(Settings))), 0);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = store.Storage.Database.CreateConnection();
                await connection.OpenAsync(stoppingToken);
                if (await ScalarAsync<bool>(connection, "select pg_try_advisory_lock(@id)", lockId, stoppingToken))
                {
                    state.Reading = true;
                    logger.LogInformation("Reading the appeals mailbox {Folder} at {Host}", Settings.Folder, Settings.Host);
                    await ReadAsync(connection, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                state.LastError = e.Message;
                logger.LogWarning(e, "Reading the appeals mailbox failed; trying again in {Delay}", Settings.RetryDelay);
            }
            finally
            {
                state.Reading = false;
            }
            try { await Task.Delay(Settings.RetryDelay, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task ReadAsync(NpgsqlConnection lease, CancellationToken token)
    {
        using var client = new ImapClient { Timeout = (int)TimeSpan.FromMinutes(2).TotalMilliseconds };
        await client.ConnectAsync(Settings.Host!, Settings.EffectivePort, Settings.SocketOptions, token);
        await client.AuthenticateAsync(Settings.UserName!, Settings.Password!, token);
        var folder = await client.GetFolderAsync(Settings.Folder, token);
        // read-only: the mailbox stays as staff see it in their own mail program (nothing marked read)
        await folder.OpenAsync(FolderAccess.ReadOnly, token);
        var arrived = false;
        CancellationTokenSource? idling = null;
        folder.CountChanged += (_, _) =>
        {
            arrived = true;
            idling?.Cancel();
        };
        while (true)
        {
            // the lock lives as long as this connection: if it broke, another node may be reading by now
            await ScalarAsync<int>(lease, "select 1", null, token);
            arrived = false;
            await FetchNewAsync(folder, token);
            if (arrived) continue;
            if (Settings.UseIdle && client.Capabilities.HasFlag(ImapCapabilities.Idle))
            {
                using var done = CancellationTokenSource.CreateLinkedTokenSource(token);
                done.CancelAfter(Settings.IdleRefresh);
                idling = done;
                if (!arrived) await client.IdleAsync(done.Token, token);
                idling = null;
            }
            else
            {
                await Task.Delay(Settings.PollInterval, token);
                await client.NoOpAsync(token);
            }
        }
    }

    private async Task FetchNewAsync(IMailFolder folder, CancellationToken token)
    {
        await using var query = store.QuerySession();
        var cursor = await query.LoadAsync<InboxCursor>(InboxCursor.IdFor(Settings), token);
        var validity = folder.UidValidity;
        // a new UIDVALIDITY means the server renumbered the folder: read it all again; the content hash keeps repeats out
        var last = cursor is not null && cursor.UidValidity == validity ? (uint)cursor.LastUid : 0u;
        if (last == uint.MaxValue) return;
        var uids = await folder.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId(validity, last + 1), UniqueId.MaxValue)), token);
        // "n:*" always includes the highest UID, even below n
        foreach (var uid in uids.Where(u => u.Id > last).OrderBy(u => u.Id))
        {
            byte[] content;
            await using (var stream = await folder.GetStreamAsync(uid, "", token))
            using (var buffer = new MemoryStream())
            {
                await stream.CopyToAsync(buffer, token);
                content = buffer.ToArray();
            }
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>()
                .InvokeAsync(new StoreFetchedMail(InboxCursor.IdFor(Settings), Settings.Folder, validity, uid.Id, content), token);
            state.Count();
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, long? id, CancellationToken token)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } value) command.Parameters.AddWithValue("id", value);
        return (T)(await command.ExecuteScalarAsync(token))!;
    }
}
