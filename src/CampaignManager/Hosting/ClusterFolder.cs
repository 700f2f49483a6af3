namespace CampaignManager.Hosting;

/// <summary>
/// Where the embedded cluster keeps its data, and which system account runs the server.
/// </summary>
/// <remarks>
/// PostgreSQL refuses to run as root. Started by an ordinary user, the server runs as that user and the data lives
/// where it was asked to (by default <c>src/CampaignManager/.data/postgres</c>, which git ignores).
///
/// Started by root, the server runs as the unprivileged <c>postgres</c> account, and that account must be able to
/// pass through every parent folder. A clone in <c>/root</c> or in a <c>mktemp -d</c> folder (both mode 0700) is closed
/// to it. Three ways out were weighed:
/// - opening the parent folders (chmod o+x, or an ACL on /root) would change the permissions of the user's own
///   folders behind their back;
/// - a user namespace mapping root to an unprivileged id is refused in many containers and sandboxes;
/// - keeping the data in a folder the server account can reach works everywhere, and is what we do: when the asked
///   folder is closed to <c>postgres</c>, the data lives in <c>/var/lib/campaignmanager/{name}-{hash of the asked path}</c>,
///   one cluster per checkout. The same path gives the same folder on every start, so data survives restarts, and
///   start-up logs where it is.
/// </remarks>
public sealed record ClusterFolder(string DataDirectory, string? RunAs, string? Relocated)
{
    public const string ServerAccount = "postgres";
    public const string RelocationRoot = "/var/lib/campaignmanager";

    public static async Task<ClusterFolder> ChooseAsync(string asked, CancellationToken token)
    {
        asked = Path.GetFullPath(asked);
        if (Environment.UserName != "root") return new ClusterFolder(asked, null, null);

        var account = await PostgresBinaries.RunAsync("id", ["-u", ServerAccount], null, token, throwOnError: false);
        if (account.ExitCode != 0)
            throw new StartupProblem(
                $"PostgreSQL refuses to run as root, and there is no '{ServerAccount}' system account to run it as. " +
                $"Create one (useradd --system {ServerAccount}), run the app as an ordinary user, or set ConnectionStrings__Marten.");

        var parent = Path.GetDirectoryName(asked) ?? "/";
        Directory.CreateDirectory(parent);
        if (await ReachableAsync(parent, token)) return new ClusterFolder(asked, ServerAccount, null);

        var relocated = Path.Combine(RelocationRoot, $"{Slug(asked)}-{Hash(asked)}");
        Directory.CreateDirectory(RelocationRoot);
        return new ClusterFolder(relocated, ServerAccount, asked);
    }

    /// <summary>Whether the server account can enter the folder: every parent must grant it search (x) permission.</summary>
    private static async Task<bool> ReachableAsync(string folder, CancellationToken token) =>
        (await PostgresBinaries.RunAsync("test", ["-x", folder, "-a", "-r", folder], ServerAccount, token, throwOnError: false)).ExitCode == 0;

    private static string Hash(string path) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..12];

    /// <summary>A readable hint of which checkout the folder belongs to, e.g. <c>campaignmanager-postgres</c>.</summary>
    private static string Slug(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).TakeLast(4)
            .Where(p => !p.StartsWith('.') && p is not ("src" or "postgres"));
        var slug = new string(string.Join('-', parts).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return slug.Length == 0 ? "cluster" : slug[..Math.Min(slug.Length, 40)];
    }
}
