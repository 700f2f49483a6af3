using JasperFx.CommandLine;

namespace CampaignManager.Seeding;

public static class Configuration
{
    /// <summary>
    /// The loader is always available (the <c>seed</c> command); the embedded default database also loads the dataset
    /// when the app starts, so a new user first sees real campaigns. <c>Seeds:LoadOnStart</c> overrides either way.
    /// </summary>
    public static void AddSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SeedLoader>();
        var embedded = builder.Services.Any(d => d.ServiceType == typeof(EmbeddedPostgres));
        if (builder.Configuration.GetValue("Seeds:LoadOnStart", embedded))
            builder.Services.AddHostedService<SeedOnStart>();
    }

    /// <summary><c>Seeds:Path</c>, else the repository's <c>seeds/</c> folder found upward from the app's content root.</summary>
    public static string? SeedDirectory(IConfiguration configuration, string contentRoot)
    {
        if (configuration["Seeds:Path"] is { Length: > 0 } configured) return Path.GetFullPath(configured, contentRoot);
        for (var dir = new DirectoryInfo(contentRoot); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, "organizations.json"))) return candidate;
        }
        return null;
    }

    private sealed class SeedOnStart(SeedLoader loader, IConfiguration configuration, IHostEnvironment environment,
        ILogger<SeedOnStart> logger) : IHostedService
    {
        public async Task StartAsync(CancellationToken token)
        {
            var directory = SeedDirectory(configuration, environment.ContentRootPath);
            if (directory is null)
            {
                logger.LogWarning("No seeds/ folder found; starting without the sample dataset");
                return;
            }
            // a broken seed file must not keep the app from starting; its report names the place and the reason
            foreach (var report in await loader.LoadDirectoryAsync(directory, token))
            {
                if (report.Problem is not null) logger.LogError("Seed file not loaded: {Problem}", report.Problem);
                else logger.LogInformation("Seed {File}: {Written} streams written, {Existing} already there", report.File, report.Written, report.AlreadyThere);
            }
        }

        public Task StopAsync(CancellationToken token) => Task.CompletedTask;
    }
}

public class SeedInput : NetCoreInput
{
    [Description("Folder with the seed JSON files (default: the repository's seeds/)")]
    public string? PathFlag { get; set; }
}

[Description("Load the seed dataset into the configured database through the same commands as the API (idempotent)")]
public class SeedCommand : JasperFxAsyncCommand<SeedInput>
{
    public override async Task<bool> Execute(SeedInput input)
    {
        using var host = input.BuildHost();
        var directory = input.PathFlag ?? Configuration.SeedDirectory(
            host.Services.GetRequiredService<IConfiguration>(), host.Services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        if (directory is null || !Directory.Exists(directory))
        {
            Console.Error.WriteLine("No seed folder found; pass --path <folder>.");
            return false;
        }
        var loader = new SeedLoader(host.Services.GetRequiredService<IDocumentStore>());
        var reports = await loader.LoadDirectoryAsync(directory);
        foreach (var report in reports)
        {
            if (report.Problem is not null) Console.Error.WriteLine($"Seed file not loaded: {report.Problem}");
            else Console.WriteLine($"{report.File}: {report.Written} streams written, {report.AlreadyThere} already there");
        }
        return reports.All(r => r.Problem is null);
    }
}
