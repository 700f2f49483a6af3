using System.Collections.Concurrent;
using CampaignManager.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignManager.Tests.Staff;

/// <summary>A host of their own for the sign-in tests: it has a bootstrap token configured and records every log line.</summary>
[CollectionDefinition(Name)]
public class StaffCollection : ICollectionFixture<StaffFixture>
{
    public const string Name = "staff";
}

public class StaffFixture : AppFixture
{
    public static readonly string BootstrapToken = Secrets.NewToken();

    public LogRecorder Logs { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:BootstrapToken", BootstrapToken);
        // a provider-specific rule wins over appsettings' levels: the recorder sees everything down to Trace
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogRecorder>(null, LogLevel.Trace));
    }
}

/// <summary>Every formatted log line and exception the app writes, from any category, at any level.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Recorder(categoryName, _lines);

    public void Dispose() { }

    private sealed class Recorder(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {state} {exception}");

        public bool IsEnabled(LogLevel logLevel) => true;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            lines.Enqueue($"scope {category}: {state}");
            return null;
        }
    }
}
