using MimeKit;
using System.Diagnostics;
using System.Net.Sockets;
using CampaignManager.Appeals.Inbox;
using CampaignManager.Hosting.Email;

namespace CampaignManager.Tests.Appeals.Inbox;

/// <summary>
/// A real IMAP server: Debian's Dovecot (dovecot-imapd), run in the foreground from a private config file on a free
/// loopback port, with one passwd-file user and its maildir in a temp folder; no system service is touched. Messages
/// reach the mailbox by IMAP APPEND, byte for byte, as a delivery agent would put them there.
/// </summary>
public sealed class ImapServerFixture : IAsyncLifetime
{
    private const string Dovecot = "/usr/sbin/dovecot";
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"campaignmanager-imap-{Guid.NewGuid():N}");
    private Process? _process;

    public string Host => "127.0.0.1";
    public int Port { get; } = SmtpServerFixture.UnusedLoopbackPort();
    public string UserName => "appeals";
    public string Password { get; } = Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Dovecot)) throw new InvalidOperationException($"{Dovecot} is missing: install dovecot-imapd (deploy/test.sh does)");
        Directory.CreateDirectory(Path.Combine(_folder, "run"));
        Directory.CreateDirectory(Path.Combine(_folder, "mail"));
        await File.WriteAllTextAsync(Path.Combine(_folder, "passwd"), $"{UserName}:{{PLAIN}}{Password}::::::\n");
        await File.WriteAllTextAsync(Path.Combine(_folder, "dovecot.conf"), Config());
        if (!OperatingSystem.IsWindows() && Environment.UserName == "root")
        {
            // the mail processes run as Dovecot's own account, which must be able to reach its maildir
            File.SetUnixFileMode(_folder, (UnixFileMode)0x1ED); // 0755
            new DirectoryInfo(Path.Combine(_folder, "mail")).UnixFileMode = (UnixFileMode)0x1FF; // 0777
        }
        var start = new ProcessStartInfo(Dovecot) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-F", "-c", Path.Combine(_folder, "dovecot.conf") }) start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start dovecot");
        var stderr = _process.StandardError.ReadToEndAsync();
        _ = _process.StandardOutput.ReadToEndAsync();
        await WaitUntilAcceptingAsync(stderr);
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        if (_process is not null) await _process.WaitForExitAsync();
        _process?.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>The app's settings for this mailbox (plain IMAP on loopback, quick retries).</summary>
    public IEnumerable<KeyValuePair<string, string>> Settings(bool useIdle = true)
    {
        yield return new($"{InboxSettings.Section}:Host", Host);
        yield return new($"{InboxSettings.Section}:Port", Port.ToString());
        yield return new($"{InboxSettings.Section}:Security", nameof(SmtpSecurity.None));
        yield return new($"{InboxSettings.Section}:UserName", UserName);
        yield return new($"{InboxSettings.Section}:Password", Password);
        yield return new($"{InboxSettings.Section}:UseIdle", useIdle.ToString());
        yield return new($"{InboxSettings.Section}:PollInterval", "00:00:00.5");
        yield return new($"{InboxSettings.Section}:RetryDelay", "00:00:00.5");
        yield return new($"{InboxSettings.Section}:MaxAttachmentBytes", "20000");
    }

    public Task<uint> AppendAsync(MimeMessage message)
    {
        using var buffer = new MemoryStream();
        message.WriteTo(FormatOptions.Default, buffer);
        return AppendAsync(buffer.ToArray());
    }

    public Task<uint> AppendAsync(string raw) => AppendAsync(Encoding.UTF8.GetBytes(raw.ReplaceLineEndings("\r\n")));

    /// <summary>IMAP APPEND of exactly these bytes (a LITERAL+ literal, so even malformed MIME arrives untouched); returns the new UID.</summary>
    public async Task<uint> AppendAsync(byte[] content)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await reader.ReadLineAsync(); // greeting
        await CommandAsync(stream, reader, "a1", Encoding.ASCII.GetBytes($"a1 LOGIN {UserName} {Password}\r\n"));
        var append = Encoding.ASCII.GetBytes($"a2 APPEND INBOX {{{content.Length}+}}\r\n").Concat(content).Concat("\r\n"u8.ToArray()).ToArray();
        var done = await CommandAsync(stream, reader, "a2", append);
        await CommandAsync(stream, reader, "a3", "a3 LOGOUT\r\n"u8.ToArray());
        return uint.Parse(Regex.Match(done, @"APPENDUID \d+ (\d+)").Groups[1].Value);
    }

    private static async Task<string> CommandAsync(NetworkStream stream, StreamReader reader, string tag, byte[] command)
    {
        await stream.WriteAsync(command);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith(tag + " ")) continue;
            if (!line.StartsWith(tag + " OK")) throw new InvalidOperationException($"IMAP refused {tag}: {line}");
            return line;
        }
        throw new InvalidOperationException($"IMAP closed the connection during {tag}");
    }

    private string Config()
    {
        var root = Environment.UserName == "root";
        var user = root ? "dovecot" : Environment.UserName;
        return $$"""
            base_dir = {{_folder}}/run
            state_dir = {{_folder}}/state
            log_path = {{_folder}}/dovecot.log
            protocols = imap
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:{{_folder}}/mail/%u
            first_valid_uid = 1
            default_internal_user = {{user}}
            default_login_user = {{(root ? "dovenull" : user)}}
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{user}} gid={{user}} home={{_folder}}/mail/%u
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            protocol imap {
              mail_max_userip_connections = 50
            }
            """;
    }

    private async Task WaitUntilAcceptingAsync(Task<string> stderr)
    {
        var until = DateTime.UtcNow + StartupDeadline;
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        while (true)
        {
            if (_process!.HasExited) throw new InvalidOperationException($"dovecot exited with {_process.ExitCode}: {await stderr}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < until)
            {
            }
            await poll.WaitForNextTickAsync();
        }
    }
}
