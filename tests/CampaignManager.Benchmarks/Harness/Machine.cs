namespace CampaignManager.Benchmarks.Harness;

/// <summary>What the figures were taken on: they mean little without the cores, the memory and how busy the machine was.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = Read("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim();
        var memory = Read("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)) is { } line
            ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / (1024.0 * 1024) : 0;
        return $"{Environment.ProcessorCount} cores ({model ?? "unknown CPU"}), {memory:0.0} GB RAM, .NET {Environment.Version}";
    }

    /// <summary>The 1, 5 and 15 minute load averages.</summary>
    public static string LoadAverage() => string.Join(" ", Read("/proc/loadavg").FirstOrDefault()?.Split(' ').Take(3) ?? []);

    private static IEnumerable<string> Read(string path) => File.Exists(path) ? File.ReadLines(path) : [];
}
