using System.Diagnostics;
using System.Net.Sockets;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using MimeKit;

namespace CampaignManager.Tests.Appeals;

[CollectionDefinition(Name)]
public class SmtpCollection : ICollectionFixture<SmtpServerFixture>
{
    public const string Name = "smtp";
}

/// <summary>
/// A real SMTP server (Debian's aiosmtpd, smtp_sink.py) on a free loopback port. It keeps every message it
/// accepted and every RCPT it answered in a temp folder, can refuse chosen recipients with 550 or 451, and can be
/// stopped and started again on the same port. Tests share one server, so each uses recipient addresses of its own.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    // Debian's python sees the python3-aiosmtpd package; the python3 first on PATH is a separate build that does not.
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan StartupDeadline = TimeSpan.FromSeconds(20);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"campaignmanager-smtp-{Guid.NewGuid():N}");
    private Process? _process;

    public string Host => "127.0.0.1";
    public int Port { get; } = FreeLoopbackPort();
    public bool IsRunning => _process is { HasExited: false };

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    public async Task StartAsync()
    {
        if (IsRunning) return;
        var script = Path.Combine(AppContext.BaseDirectory, "Appeals", "smtp_sink.py");
        if (!File.Exists(Python)) throw new InvalidOperationException($"{Python} is missing: install python3-aiosmtpd (deploy/test.sh does)");
        var start = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { script, Host, Port.ToString(), _folder }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Python}");
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        _process = process;
        await WaitUntilAcceptingAsync(process, stderr);
    }

    /// <summary>Kills the server; the port refuses connections until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public void RejectPermanently(string address) => File.AppendAllLines(Path.Combine(_folder, "reject-permanently.txt"), [address]);
    public void RejectTemporarily(string address) => File.AppendAllLines(Path.Combine(_folder, "reject-temporarily.txt"), [address]);

    /// <summary>Messages to this address are stored as accepted, but the final 250 is withheld until <see cref="ReleaseReplies"/>.</summary>
    public void HoldReplyAfterAccepting(string address) => File.AppendAllLines(Path.Combine(_folder, "hold-reply.txt"), [address]);
    public void ReleaseReplies() => File.Delete(Path.Combine(_folder, "hold-reply.txt"));

    /// <summary>Messages to this address are stored as accepted, then the connection is dropped before the 250.</summary>
    public void DropReplyAfterAccepting(string address) => File.AppendAllLines(Path.Combine(_folder, "drop-reply.txt"), [address]);

    /// <summary>Settings pointing at this server, with resilience numbers short enough for a test.</summary>
    public SmtpSettings Settings(Action<SmtpResilienceSettings>? resilience = null)
    {
        var settings = new SmtpSettings { Host = Host, Port = Port, From = "appeals@campaignmanager.test", FromName = "Coalition Appeals" };
        settings.Resilience = new SmtpResilienceSettings
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            MaxRetryAttempts = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(50),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
            CircuitBreakerMinimumThroughput = 100,
            CircuitBreakerSamplingDuration = TimeSpan.FromSeconds(30),
            CircuitBreakerBreakDuration = TimeSpan.FromSeconds(1),
        };
        resilience?.Invoke(settings.Resilience);
        return settings;
    }

    /// <summary>Every message the server accepted with this address among its envelope recipients.</summary>
    public IReadOnlyList<ReceivedMessage> MessagesTo(string address) =>
        Messages().Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase)).ToList();

    /// <summary>How many messages the server has accepted; cheap enough to poll while a fan-out runs.</summary>
    public int MessageCount() => Directory.GetFiles(_folder, "*.eml").Length;

    public IReadOnlyList<ReceivedMessage> Messages() =>
        Directory.GetFiles(_folder, "*.eml").Order().Select(path =>
        {
            var envelope = JsonSerializer.Deserialize<Envelope>(File.ReadAllText(Path.ChangeExtension(path, ".json")))!;
            return new ReceivedMessage(envelope.mail_from, envelope.rcpt_tos, MimeMessage.Load(path));
        }).ToList();

    /// <summary>The reply codes the server gave to RCPT TO for this address, in order: one per attempt.</summary>
    public IReadOnlyList<int> RecipientReplies(string address)
    {
        var journal = Path.Combine(_folder, "rcpt.jsonl");
        if (!File.Exists(journal)) return [];
        return File.ReadAllLines(journal).Select(line => JsonSerializer.Deserialize<RcptEntry>(line)!)
            .Where(e => string.Equals(e.address, address, StringComparison.OrdinalIgnoreCase)).Select(e => e.code).ToList();
    }

    private async Task WaitUntilAcceptingAsync(Process process, Task<string> stderr)
    {
        using var deadline = new CancellationTokenSource(StartupDeadline);
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(25));
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"smtp_sink.py exited with {process.ExitCode} before accepting connections: {await stderr}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port, deadline.Token);
                return;
            }
            catch (SocketException)
            {
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"smtp_sink.py did not accept connections on port {Port} within {StartupDeadline}");
            }
            try { await poll.WaitForNextTickAsync(deadline.Token); }
            catch (OperationCanceledException) { throw new TimeoutException($"smtp_sink.py did not accept connections on port {Port} within {StartupDeadline}"); }
        }
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static int UnusedLoopbackPort() => FreeLoopbackPort();

    private record Envelope(string mail_from, List<string> rcpt_tos);
    private record RcptEntry(string address, int code);
}

public record ReceivedMessage(string MailFrom, IReadOnlyList<string> Recipients, MimeMessage Message);
