using System.Diagnostics;
using CampaignManager.Tests.Appeals;

namespace CampaignManager.Tests.Partners;

/// <summary>One post as the receiver logged it: the webhook-id, whether its signature verified, the status it answered.</summary>
public record ReceivedWebhook(string Id, string Timestamp, bool Valid, string? Error, int Answered, string Body)
{
    public JsonElement Payload => JsonDocument.Parse(Body).RootElement;
    public string Type => Payload.GetProperty("type").GetString()!;
}

/// <summary>
/// tests/WebhookReceiver, a Kestrel app that verifies signatures with the StandardWebhooks package, run with
/// <c>dotnet</c> as a process of its own on a fixed loopback port, so a test can kill it and start it again there.
/// </summary>
public sealed class WebhookReceiverProcess : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"campaignmanager-webhooks-{Guid.NewGuid():N}");
    private Process? _process;

    public WebhookReceiverProcess() => Directory.CreateDirectory(_folder);

    public int Port { get; } = SmtpServerFixture.UnusedLoopbackPort();
    public string Url => $"http://127.0.0.1:{Port}/hooks";
    private string Log => Path.Combine(_folder, "received.jsonl");
    private string StatusFile => Path.Combine(_folder, "status.txt");

    /// <summary>The key the receiver verifies with, read on every post: set it from the subscription's answer.</summary>
    public string Secret
    {
        set => File.WriteAllText(Path.Combine(_folder, "secret.txt"), value);
    }

    /// <summary>Starts it and waits for it to say it listens (its first line on standard output).</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false }) return;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { BuiltReceiver(), Port.ToString(), _folder }) start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the webhook receiver");
        _process = process;
        var stderr = process.StandardError.ReadToEndAsync();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (first != "listening") throw new InvalidOperationException($"the webhook receiver did not start: {first} {await stderr}");
        _ = process.StandardOutput.ReadToEndAsync();
    }

    /// <summary>SIGKILL: no goodbye, connections refused until <see cref="StartAsync"/>.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>From now on every post is answered with this status (the signature still checked), or 200 again with null.</summary>
    public void AnswerWith(int? status)
    {
        if (status is { } s) File.WriteAllText(StatusFile, s.ToString());
        else File.Delete(StatusFile);
    }

    public IReadOnlyList<ReceivedWebhook> Received() => File.Exists(Log)
        ? File.ReadAllLines(Log).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<ReceivedWebhook>(l, Web)!).ToList()
        : [];

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static string BuiltReceiver()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "WebhookReceiver", "bin", configuration, framework, "WebhookReceiver.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"WebhookReceiver.dll ({configuration}/{framework}) not found above {testBin.FullName}");
    }
}
