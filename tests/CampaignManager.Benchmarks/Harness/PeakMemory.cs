namespace CampaignManager.Benchmarks.Harness;

/// <summary>
/// A process's peak resident memory over one scenario. Linux keeps the peak in /proc/&lt;pid&gt;/status (VmHWM) and lets
/// the owner reset it by writing 5 to /proc/&lt;pid&gt;/clear_refs; where that write is refused, VmRSS is sampled
/// every 100 ms instead (which can miss a short spike).
/// </summary>
public sealed class PeakMemory : IAsyncDisposable
{
    private readonly int _pid;
    private readonly bool _reset;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private long _sampledPeak;

    private PeakMemory(int pid)
    {
        _pid = pid;
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            _reset = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        _sampler = SampleAsync();
    }

    public static PeakMemory Watch(int pid) => new(pid);

    public async Task<long> StopAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        var hwm = _reset ? Read(_pid, "VmHWM") : 0;
        return Math.Max(hwm, _sampledPeak);
    }

    public static long Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]) * 1024;
        }
        catch (IOException) { return 0; }
    }

    private async Task SampleAsync()
    {
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        try
        {
            while (await tick.WaitForNextTickAsync(_stop.Token)) _sampledPeak = Math.Max(_sampledPeak, Read(_pid, "VmRSS"));
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
