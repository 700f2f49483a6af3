namespace CampaignManager.Benchmarks.Harness;

/// <summary>
/// What to run and how big, from environment variables: the app under test parses the process's command line through
/// JasperFx's command parser, so the harness takes no arguments of its own.
/// </summary>
public sealed record Settings(
    IReadOnlySet<string> Only, int Clients, TimeSpan SurgeDuration, int Reads, int LargeLetter, int AsOfReads, int RebuildEvents)
{
    public static readonly string[] Scenarios = ["signon", "reads", "asof", "rebuild"];

    public static Settings FromEnvironment()
    {
        var only = Environment.GetEnvironmentVariable("BENCH_ONLY") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : Scenarios.ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (only.FirstOrDefault(s => !Scenarios.Contains(s, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new ArgumentException($"BENCH_ONLY names '{unknown}'; use some of {string.Join(",", Scenarios)}");
        return new Settings(only,
            Int("BENCH_CLIENTS", 8),
            TimeSpan.FromSeconds(Int("BENCH_DURATION_S", 20)),
            Int("BENCH_READS", 200),
            Int("BENCH_READ_SIGNATURES", 10_000),
            Int("BENCH_ASOF_READS", 20),
            Int("BENCH_REBUILD_EVENTS", 1_000_000));
    }

    public bool Runs(string scenario) => Only.Contains(scenario);

    public string Describe() =>
        $"BENCH_ONLY={string.Join(",", Only)} BENCH_CLIENTS={Clients} BENCH_DURATION_S={SurgeDuration.TotalSeconds:0} " +
        $"BENCH_READS={Reads} BENCH_READ_SIGNATURES={LargeLetter} BENCH_ASOF_READS={AsOfReads} BENCH_REBUILD_EVENTS={RebuildEvents}";

    private static int Int(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) && value > 0 ? value : fallback;
}
