using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CampaignManager.Tests.Appeals;

/// <summary>Keeps the event ids a component logged, and lets a test wait for one instead of sleeping.</summary>
public sealed class RecordingLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<EventId> _events = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource> _waiters = new();

    public int Count(EventId id) => _events.Count(e => e.Id == id.Id);

    /// <summary>Completes the first time <paramref name="id"/> is logged (or at once if it already was).</summary>
    public Task Next(EventId id)
    {
        var waiter = _waiters.GetOrAdd(id.Id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (Count(id) > 0) waiter.TrySetResult();
        return waiter.Task;
    }

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _events.Enqueue(eventId);
        if (_waiters.TryGetValue(eventId.Id, out var waiter)) waiter.TrySetResult();
    }

    public bool IsEnabled(LogLevel logLevel) => true;
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
}
