using System.Diagnostics;

namespace CampaignManager.Tests.Appeals;

/// <summary>The built CampaignManager.dll run with <c>dotnet</c> on a free loopback port, so a test can kill it for real.</summary>
public sealed class AppProcess : IDisposable
{
    public static readonly JsonSerializerOptions Json = CreateJson();

    /// <summary>
    /// The app denies anonymous callers, so every app started here gets the first admin from Auth:BootstrapToken, and
    /// <see cref="Client"/> sends it. One value for the whole run: a restarted app over the same database (whose
    /// admin already exists, so the setting is then ignored) still accepts it.
    /// </summary>
    public static readonly string BootstrapToken = CampaignManager.Staff.Secrets.NewToken();
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Queue<string> _firstStandardOutput = new();

    private AppProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    public static AppProcess Start(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var dll = BuiltApp();
        var port = SmtpServerFixture.UnusedLoopbackPort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        start.ArgumentList.Add(dll);
        // the address as a deployment gives it (environment, not --urls): JasperFx then runs its own `run` command
        // instead of bypassing its command line with a console note, and a failed start exits non-zero
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Auth__BootstrapToken"] = BootstrapToken;
        // a throwaway test database is built by the app itself; production would leave that to db-apply (SchemaPolicy)
        start.Environment["Database__AutoCreate"] = "All";
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet"), port);
        app._process.OutputDataReceived += (_, e) => app.Remember(e.Data, standardOutput: true);
        app._process.ErrorDataReceived += (_, e) => app.Remember(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        return app;
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", BootstrapToken);
        return client;
    }

    public async Task WaitUntilReadyAsync(TimeSpan deadline)
    {
        using var http = Client();
        await Eventually.UntilAsync(async () =>
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited with {_process.ExitCode}: {Output}");
            try { return (await http.GetAsync("/api/targets?pageSize=1")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, ready => ready, deadline, $"the app to answer on {BaseAddress}");
    }

    /// <summary>True when the process ended by itself within the deadline (for a start-up that must fail).</summary>
    public int ExitCode => _process.ExitCode;

    public async Task<bool> ExitsWithinAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try { await _process.WaitForExitAsync(timeout.Token); return true; }
        catch (OperationCanceledException) { return false; }
    }

    /// <summary>SIGKILL on Linux: no shutdown hooks, no flushing, exactly like a crash.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM, as Ctrl+C or a service manager would stop it: the app shuts down in order.</summary>
    public async Task StopAsync(TimeSpan deadline)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await kill.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(deadline);
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <summary>Runs one JasperFx command of the built app (<c>seed</c>, <c>db-apply</c>, ...) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IEnumerable<KeyValuePair<string, string>> settings,
        TimeSpan deadline, params string[] arguments)
    {
        var dll = BuiltApp();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        foreach (var argument in arguments.Prepend(dll)) start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(deadline);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    public string Output { get { lock (_lastLines) return string.Join('\n', _lastLines); } }

    /// <summary>The first 200 lines the app wrote to standard output alone: what a log collector reads.</summary>
    public IReadOnlyList<string> StandardOutput { get { lock (_lastLines) return [.. _firstStandardOutput]; } }

    public void Dispose()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Remember(string? line, bool standardOutput = false)
    {
        if (line is null) return;
        lock (_lastLines)
        {
            _lastLines.Enqueue(line);
            if (standardOutput && _firstStandardOutput.Count < 200) _firstStandardOutput.Enqueue(line);
            if (_lastLines.Count > 400) _lastLines.Dequeue();
        }
    }

    /// <summary>src/CampaignManager/bin/&lt;configuration&gt;/net10.0/CampaignManager.dll, built alongside this test project.</summary>
    internal static string BuiltApp()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var (framework, configuration) = (testBin.Name, testBin.Parent!.Name);
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "CampaignManager", "bin", configuration, framework, "CampaignManager.dll");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"CampaignManager.dll ({configuration}/{framework}) not found above {testBin.FullName}");
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        CampaignManager.Hosting.Infrastructure.ConfigureJson(options);
        return options;
    }
}
