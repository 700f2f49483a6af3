using System.Diagnostics;

namespace CampaignManager.Hosting;

/// <summary>Finds the installed PostgreSQL server programs and runs them (or any helper), as another account if asked.</summary>
public static class PostgresBinaries
{
    public const string MissingMessage =
        "No database is configured and the PostgreSQL server binaries (initdb, pg_ctl) were not found. " +
        "Either set ConnectionStrings__Marten (e.g. \"Host=localhost;Port=5432;Username=postgres;Password=...;Database=campaigns\") " +
        "or install the server: apt-get update && apt-get install -y postgresql.";

    /// <summary>True when initdb and pg_ctl can be found on PATH or in Debian's versioned folder.</summary>
    public static bool Available() => Find("pg_ctl") is not null && Find("initdb") is not null;

    public static string Require(string name) => Find(name) ?? throw new InvalidOperationException(MissingMessage);

    public static string? Find(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate)) return candidate;
        }

        // Debian keeps the server binaries out of PATH unless a symlink was made.
        var debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian)
            .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
            .Select(d => Path.Combine(d, "bin", name))
            .FirstOrDefault(File.Exists);
    }

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, string[] args, string? runAs,
        CancellationToken token, bool throwOnError = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // the server inherits the working directory; root's may be closed to the postgres account
            WorkingDirectory = "/",
        };
        if (runAs is null)
        {
            start.FileName = file;
        }
        else
        {
            start.FileName = "runuser";
            foreach (var a in new[] { "-u", runAs, "--", file }) start.ArgumentList.Add(a);
        }
        foreach (var a in args) start.ArgumentList.Add(a);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(token);
        var stderr = process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        var output = (await stdout) + (await stderr);
        if (throwOnError && process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {output}");
        return (process.ExitCode, output);
    }
}
