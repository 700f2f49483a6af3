using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CampaignManager.Benchmarks.Harness;
using Npgsql;

namespace CampaignManager.Benchmarks.Scenarios;

public sealed record PgBenchResult(double Tps, Latency Latency, int Failed, int Clients);

/// <summary>
/// The write baseline: PostgreSQL's own TPC-B-like pgbench with the same client count and duration as the sign-on surge,
/// against the same server, in a database of its own (scale 8). Per-transaction latencies come from pgbench's log (-l),
/// whose third column is each transaction's time in microseconds.
/// </summary>
public static partial class PgBench
{
    public static async Task<PgBenchResult> RunAsync(AppUnderTest app, int clients, TimeSpan duration, TextWriter log)
    {
        var connection = new NpgsqlConnectionStringBuilder(await app.CreateDatabaseAsync("pgbench"));
        string[] target = ["-h", connection.Host!, "-p", connection.Port.ToString(CultureInfo.InvariantCulture),
            "-U", connection.Username!];
        await RunPgBenchAsync(connection.Password, [.. target, "-i", "-s", "8", "-q", "pgbench"], log);

        var folder = Directory.CreateTempSubdirectory("campaignmanager-pgbench-");
        var output = await RunPgBenchAsync(connection.Password,
        [
            .. target, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
            "-T", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-P", "5", "-l",
            "--log-prefix", Path.Combine(folder.FullName, "pgbench_log"), "pgbench"
        ], log);
        var tps = double.Parse(Tps().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var failed = Failed().Match(output) is { Success: true } f ? int.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var latencies = folder.EnumerateFiles("pgbench_log*")
            .SelectMany(file => File.ReadLines(file.FullName))
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length >= 3 && parts[2] != "failed" && parts[2] != "skipped")
            .Select(parts => long.Parse(parts[2], CultureInfo.InvariantCulture) / 1000.0)
            .ToList();
        folder.Delete(recursive: true);
        return new PgBenchResult(tps, Latency.Of(latencies), failed, clients);
    }

    private static async Task<string> RunPgBenchAsync(string? password, string[] arguments, TextWriter log)
    {
        var start = new ProcessStartInfo("pgbench", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (password is not null) start.Environment["PGPASSWORD"] = password;
        using var process = Process.Start(start) ?? throw new InvalidOperationException("pgbench did not start; is it on PATH?");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var all = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench {string.Join(' ', arguments)} failed: {all}");
        log.WriteLine(all.TrimEnd());
        return all;
    }

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex Tps();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex Failed();
}
