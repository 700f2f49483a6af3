using Npgsql;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The embedded cluster listens on loopback, which every local account can reach: it asks for a password, generated
/// once and kept in its data folder, and a cluster made before passwords existed is given one.
/// </summary>
[Collection(EmbeddedDatabaseCollection.Name)]
public class protecting_the_embedded_database : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("cm secret ").FullName;
    private readonly List<EmbeddedPostgres> _clusters = [];
    private ClusterFolder? _folder;

    private string Asked => Path.Combine(_home, "postgres");

    public async Task InitializeAsync() => _folder = await ClusterFolder.ChooseAsync(Asked, CancellationToken.None);

    public async Task DisposeAsync()
    {
        foreach (var cluster in _clusters) await cluster.StopAsync();
        if (_folder?.Relocated is not null && Directory.Exists(_folder.DataDirectory)) Directory.Delete(_folder.DataDirectory, recursive: true);
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task a_new_cluster_refuses_a_wrong_password_and_its_own_connection_string_carries_the_right_one()
    {
        var cluster = await StartAsync();

        (await ServerVersionAsync(cluster.ConnectionString())).ShouldStartWith("PostgreSQL");
        var refused = await Should.ThrowAsync<PostgresException>(() => ServerVersionAsync(WithWrongPassword(cluster)));
        refused.SqlState.ShouldBe(PostgresErrorCodes.InvalidPassword);
    }

    [Fact]
    public async Task a_cluster_made_before_passwords_is_given_one_on_its_next_start()
    {
        var data = _folder!.DataDirectory;
        Directory.CreateDirectory(data);
        if (_folder.RunAs is not null) await PostgresBinaries.RunAsync("chown", [$"{_folder.RunAs}:", data], null, CancellationToken.None);
        await PostgresBinaries.RunAsync(PostgresBinaries.Require("initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"],
            _folder.RunAs, CancellationToken.None);

        var cluster = await StartAsync();

        cluster.ConnectionString().ShouldContain("Password=");
        (await ServerVersionAsync(cluster.ConnectionString())).ShouldStartWith("PostgreSQL");
        await Should.ThrowAsync<PostgresException>(() => ServerVersionAsync(WithWrongPassword(cluster)));
    }

    private async Task<EmbeddedPostgres> StartAsync()
    {
        var cluster = await EmbeddedPostgres.StartAsync(Asked, durable: false);
        _clusters.Add(cluster);
        return cluster;
    }

    private static string WithWrongPassword(EmbeddedPostgres cluster) =>
        new NpgsqlConnectionStringBuilder(cluster.ConnectionString()) { Password = "guessed", Pooling = false }.ConnectionString;

    private static async Task<string> ServerVersionAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var version = connection.CreateCommand();
        version.CommandText = "select version()";
        return (string)(await version.ExecuteScalarAsync())!;
    }
}
