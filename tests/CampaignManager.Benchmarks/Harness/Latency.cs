using System.Diagnostics;

namespace CampaignManager.Benchmarks.Harness;

/// <summary>Percentiles by nearest rank over every recorded request: no histogram buckets, the runs are small enough.</summary>
public sealed record Latency(int Count, double P50, double P95, double P99, double Max)
{
    public static Latency Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) return new Latency(0, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Latency(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    /// <summary>Runs <paramref name="read"/> one call after another, as one client would, and times each call.</summary>
    /// <param name="read">False when the call failed (a non-2xx answer).</param>
    public static async Task<Measured> SequentialAsync(int times, Func<Task<bool>> read)
    {
        var samples = new List<double>(times);
        var errors = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            var one = Stopwatch.GetTimestamp();
            if (!await read()) errors++;
            samples.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }
        return new Measured(Of(samples), times / total.Elapsed.TotalSeconds, errors);
    }
}

public static class ConcurrentReads
{
    /// <summary>
    /// <paramref name="clients"/> callers each running <paramref name="read"/> one call after another until
    /// <paramref name="times"/> calls are done between them: how wrk's connections load a page.
    /// </summary>
    public static async Task<Measured> RunAsync(int clients, int times, Func<Task<bool>> read)
    {
        var recorder = new LatencyRecorder();
        var (left, errors) = (times, 0);
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0)
            {
                var one = Stopwatch.GetTimestamp();
                if (!await read()) Interlocked.Increment(ref errors);
                recorder.Add(Stopwatch.GetElapsedTime(one));
            }
        }));
        return new Measured(recorder.Summary(), times / total.Elapsed.TotalSeconds, errors);
    }
}

/// <summary>A sequential read run: its latencies, calls per second and failed calls.</summary>
public sealed record Measured(Latency Latency, double PerSecond, int Errors);

/// <summary>Collects latencies from concurrent clients.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _samples = new(64 * 1024);

    public void Add(TimeSpan took)
    {
        lock (_samples) _samples.Add(took.TotalMilliseconds);
    }

    public Latency Summary()
    {
        lock (_samples) return Latency.Of(_samples.ToArray());
    }
}
