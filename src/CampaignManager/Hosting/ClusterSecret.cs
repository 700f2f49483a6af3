using Npgsql;

namespace CampaignManager.Hosting;

/// <summary>
/// The embedded cluster's superuser password. The server listens on loopback only, but any local account (or a
/// process of a letter's adversary that got onto the machine) could reach a loopback port, so the cluster asks for a
/// password (SCRAM) instead of trusting every connection. The password is generated once and kept in the data
/// folder, readable only by the server's account and root, where the app and its commands find it again.
/// </summary>
public static class ClusterSecret
{
    private const string FileName = "campaignmanager.secret";

    public static string? Read(string data)
    {
        var file = Path.Combine(data, FileName);
        return File.Exists(file) ? File.ReadAllText(file).Trim() : null;
    }

    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>initdb reads the first password from a file; it must be readable by the account that runs initdb.</summary>
    public static async Task<string> WritePasswordFileAsync(string secret, string? runAs, CancellationToken token)
    {
        var file = Path.Combine(Path.GetTempPath(), $"campaignmanager-pw-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, secret, token);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (runAs is not null) await PostgresBinaries.RunAsync("chown", [$"{runAs}:", file], null, token);
        return file;
    }

    public static async Task SaveAsync(string data, string secret, string? runAs, CancellationToken token)
    {
        var file = Path.Combine(data, FileName);
        await File.WriteAllTextAsync(file, secret, token);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (runAs is not null) await PostgresBinaries.RunAsync("chown", [$"{runAs}:", file], null, token);
    }

    /// <summary>
    /// A cluster made before passwords (initdb --auth=trust) gets one: set while trust still admits us, then
    /// pg_hba.conf asks for it from the next connection on.
    /// </summary>
    public static async Task<string> ProtectLegacyClusterAsync(string data, string trustConnectionString, string? runAs,
        CancellationToken token)
    {
        var secret = Generate();
        await using (var connection = new NpgsqlConnection(trustConnectionString))
        {
            await connection.OpenAsync(token);
            await using var alter = connection.CreateCommand();
            // ALTER ROLE takes no parameters; the secret is hex, so quoting it is safe
            alter.CommandText = $"alter role postgres password '{secret}'";
            await alter.ExecuteNonQueryAsync(token);
            await SaveAsync(data, secret, runAs, token);
            var hba = Path.Combine(data, "pg_hba.conf");
            var lines = (await File.ReadAllLinesAsync(hba, token))
                .Select(line => line.TrimStart().StartsWith('#') ? line : line.Replace(" trust", " scram-sha-256"));
            await File.WriteAllLinesAsync(hba, lines, token);
            await using var reload = connection.CreateCommand();
            reload.CommandText = "select pg_reload_conf()";
            await reload.ExecuteScalarAsync(token);
        }
        NpgsqlConnection.ClearAllPools();
        return secret;
    }
}
