using System.Globalization;
using CampaignManager.Benchmarks.Harness;
using static CampaignManager.Benchmarks.Harness.Table;

namespace CampaignManager.Benchmarks.Scenarios;

/// <summary>Turns each scenario's result into table rows, with its baseline and the goals of issue #11.</summary>
public static class Rows
{
    /// <summary>A letter's reads count as flat while the large letter's median stays within this factor of the small one's.</summary>
    private const double Flat = 1.5;

    public static readonly string Legend =
        "× baseline: throughput ÷ pgbench tps for the surge; p50 ÷ the plain Marten load's p50 for reads. vs goal: ✓ met, ✗ missed, " +
        "with measured ÷ goal (more is better) or goal ÷ measured (less is better), so ≥ 1.00× meets it. \"flat\": p50 at the large " +
        $"letter ≤ {Flat}× p50 at 100 signatures. Reads are sequential, one client, except the rows marked with a client count. Peak RSS is the app process's VmHWM over the " +
        "scenario, filling the letter included (the harness's own for the rebuild, which runs in the harness).";

    public static IEnumerable<Row> SignOn(PgBenchResult pgbench, SurgeResult surge)
    {
        var ratio = surge.PerSecond / pgbench.Tps;
        yield return new Row("sign-on surge", $"baseline: pgbench TPC-B, {pgbench.Clients} clients", Rate(pgbench.Tps, "tps"),
            pgbench.Latency, pgbench.Failed.ToString(CultureInfo.InvariantCulture));
        yield return new Row("sign-on surge", $"POST /api/letters/{{id}}/signatures, {pgbench.Clients} clients", Rate(surge.PerSecond, "signatures/s"),
            surge.Latency, surge.Errors.ToString(CultureInfo.InvariantCulture), $"{surge.Lost} / {surge.Duplicated}", surge.PeakRss,
            Ratio(ratio), "≥ 0.5× pgbench; p99 < 100 ms; 0 lost",
            string.Join("; ", Verdict("0.5× pgbench", ratio, 0.5, moreIsBetter: true),
                Verdict("p99 < 100 ms", surge.Latency.P99, 100, moreIsBetter: false),
                Check("0 lost, 0 dup", surge.Lost == 0 && surge.Duplicated == 0)));
    }

    public static IEnumerable<Row> Reads(ReadResult small, ReadResult large)
    {
        foreach (var read in new[] { small, large })
        {
            var size = read.Letter.Signatures.ToString("N0", CultureInfo.InvariantCulture);
            var isLarge = read == large;
            yield return new Row($"letter view, {size} signatures", "baseline: Marten LoadAsync<Letter>", Rate(read.Baseline.PerSecond, "req/s"),
                read.Baseline.Latency, read.Baseline.Errors.ToString(CultureInfo.InvariantCulture));
            var viewFlat = large.View.Latency.P50 / small.View.Latency.P50;
            yield return new Row($"letter view, {size} signatures", "GET /api/letters/{id}", Rate(read.View.PerSecond, "req/s"),
                read.View.Latency, read.View.Errors.ToString(CultureInfo.InvariantCulture), PeakRss: read.PeakRss,
                VsBaseline: Ratio(read.View.Latency.P50 / read.Baseline.Latency.P50),
                Goal: isLarge ? "p99 < 50 ms; flat" : "",
                VsGoal: isLarge
                    ? $"{Verdict("p99 < 50 ms", read.View.Latency.P99, 50, moreIsBetter: false)}; {Check($"flat ({viewFlat:0.00}× the 100 letter)", viewFlat <= Flat)}"
                    : "");
            var pageFlat = large.Page.Latency.P50 / small.Page.Latency.P50;
            yield return new Row($"public page, {size} signatures", "GET /sign/{token}", Rate(read.Page.PerSecond, "req/s"),
                read.Page.Latency, read.Page.Errors.ToString(CultureInfo.InvariantCulture),
                VsBaseline: Ratio(read.Page.Latency.P50 / read.Baseline.Latency.P50),
                Goal: isLarge ? "independent of the count" : "",
                VsGoal: isLarge ? Check($"flat ({pageFlat:0.00}× the 100 letter)", pageFlat <= Flat) : "");
        }
        // the issue's read figures came from wrk's 8 connections, so its throughput goals are judged under the same load
        yield return new Row($"letter view, {large.Letter.Signatures:N0} signatures", $"GET /api/letters/{{id}}, {large.Clients} clients",
            Rate(large.ViewUnderLoad.PerSecond, "req/s"), large.ViewUnderLoad.Latency,
            large.ViewUnderLoad.Errors.ToString(CultureInfo.InvariantCulture), Goal: "p99 < 50 ms",
            VsGoal: Verdict("p99 < 50 ms", large.ViewUnderLoad.Latency.P99, 50, moreIsBetter: false));
        yield return new Row($"public page, {large.Letter.Signatures:N0} signatures", $"GET /sign/{{token}}, {large.Clients} clients",
            Rate(large.PageUnderLoad.PerSecond, "req/s"), large.PageUnderLoad.Latency,
            large.PageUnderLoad.Errors.ToString(CultureInfo.InvariantCulture), Goal: "≥ 20× the issue's 20 req/s",
            VsGoal: Verdict("400 req/s", large.PageUnderLoad.PerSecond, 400, moreIsBetter: true));
    }

    public static IEnumerable<Row> AsOf(AsOfResult asOf, FilledLetter letter)
    {
        yield return new Row($"letter view as of, {letter.Signatures.ToString("N0", CultureInfo.InvariantCulture)} signatures",
            "GET /api/letters/{id}?asOf=(middle of the signing)", Rate(asOf.View.PerSecond, "req/s"), asOf.View.Latency,
            asOf.View.Errors.ToString(CultureInfo.InvariantCulture), PeakRss: asOf.PeakRss, Goal: "< 1 s",
            VsGoal: Verdict("p99 < 1 s", asOf.View.Latency.P99, 1000, moreIsBetter: false));
    }

    public static IEnumerable<Row> Rebuild(RebuildResult rebuild)
    {
        var events = rebuild.Events.ToString("N0", CultureInfo.InvariantCulture);
        yield return new Row($"projection rebuild, {events} events", "every projection at once, as `projections rebuild` runs them",
            Rate(rebuild.EventsPerSecond, "events/s"),
            PeakRss: rebuild.PeakRssBytes, Goal: "≥ 20,000 events/s",
            VsGoal: Verdict("20k events/s", rebuild.EventsPerSecond, 20_000, moreIsBetter: true));
        foreach (var (projection, took) in rebuild.PerProjection)
            yield return new Row($"projection rebuild, {events} events", $"{projection}: {took.TotalSeconds:0.0} s",
                Rate(rebuild.Events / took.TotalSeconds, "events/s"));
        yield return new Row($"projection rebuild, {events} events", $"(generating the store: {rebuild.Generate.TotalSeconds:0} s)",
            Rate(rebuild.Events / rebuild.Generate.TotalSeconds, "events/s"));
    }
}
