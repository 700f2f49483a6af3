using Npgsql;

namespace CampaignManager.Benchmarks.Harness;

/// <summary>
/// CPU seconds the PostgreSQL server has used so far (postmaster, its live backends and the children it has reaped),
/// read from /proc, so a scenario can say whether the app or the database did the work. Null off Linux or when the
/// server runs under an account whose data directory this process cannot read.
/// </summary>
public sealed class ServerCpu
{
    private readonly int _postmaster;

    private ServerCpu(int postmaster) => _postmaster = postmaster;

    public static async Task<ServerCpu?> FindAsync(string connectionString, CancellationToken token)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(token);
            await using var command = new NpgsqlCommand("show data_directory", connection);
            var folder = (string)(await command.ExecuteScalarAsync(token))!;
            var pid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(folder, "postmaster.pid"), token))[0]);
            return File.Exists($"/proc/{pid}/stat") ? new ServerCpu(pid) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PostgresException or FormatException)
        {
            return null;
        }
    }

    public TimeSpan Used()
    {
        var ticks = 0L;
        foreach (var stat in Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "stat")))
        {
            string[] fields;
            try { fields = File.ReadAllText(stat).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries); }
            catch (IOException) { continue; } // a process that ended between listing and reading
            catch (UnauthorizedAccessException) { continue; }
            // after "pid (comm)": [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime (clock ticks)
            var pid = int.TryParse(Path.GetFileName(Path.GetDirectoryName(stat)), out var p) ? p : 0;
            if (pid == _postmaster) ticks += long.Parse(fields[11]) + long.Parse(fields[12]) + long.Parse(fields[13]) + long.Parse(fields[14]);
            else if (fields.Length > 12 && fields[1] == _postmaster.ToString()) ticks += long.Parse(fields[11]) + long.Parse(fields[12]);
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }
}
