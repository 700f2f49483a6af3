namespace CampaignManager.Seeding;

/// <summary>What loading one file did; <see cref="Problem"/> names the place and reason when the file was refused.</summary>
public record SeedReport(string File, int Written, int AlreadyThere, string? Problem = null);

/// <summary>
/// Loads seed files through the same validations and decisions as the API's commands, so the dataset is real events
/// with real history (dated as the documents are). Each file is one transaction: a bad file loads nothing, and a file
/// loaded before is found by its stable ids and left alone.
/// </summary>
public class SeedLoader(IDocumentStore store)
{
    public const string By = "seed";

    public async Task<IReadOnlyList<SeedReport>> LoadDirectoryAsync(string directory, CancellationToken token = default)
    {
        // reference files (organizations, member states) first: campaign files name their organizations and targets
        var files = Directory.GetFiles(directory, "*.json").OrderBy(f => char.IsDigit(Path.GetFileName(f)[0]) ? 1 : 0)
            .ThenBy(f => f, StringComparer.Ordinal).ToList();
        var reports = new List<SeedReport>();
        foreach (var file in files)
        {
            try
            {
                reports.Add(await LoadFileAsync(file, token));
            }
            catch (SeedFileException e)
            {
                // one bad file loads nothing of its own, and does not stop the others
                reports.Add(new SeedReport(e.File, 0, 0, e.Message));
            }
        }
        return reports;
    }

    public async Task<SeedReport> LoadFileAsync(string path, CancellationToken token = default)
    {
        var name = Path.GetFileName(path);
        var seed = Parse(name, await File.ReadAllTextAsync(path, token));
        await using var session = store.LightweightSession();
        var writer = new SeedWriter(name, session);
        await writer.WriteAsync(seed, token);
        await session.SaveChangesAsync(token);
        return new SeedReport(name, writer.Written, writer.AlreadyThere);
    }

    public static SeedFile Parse(string file, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<SeedFile>(json, SeedFile.Json) ?? throw new SeedFileException(file, "$", "the file is empty");
        }
        catch (JsonException e)
        {
            throw new SeedFileException(file, $"{e.Path ?? "$"} (line {e.LineNumber + 1})", e.Message);
        }
    }

    /// <summary>Turns a command's refusal into the file, JSON path and reason staff need to fix the file.</summary>
    internal static void Require(string file, string place, ProblemDetails problem)
    {
        if (problem.IsNone()) return;
        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } invalid)
        {
            var (field, messages) = invalid.Errors.First();
            throw new SeedFileException(file, $"{place}.{field}", string.Join("; ", messages));
        }
        throw new SeedFileException(file, place, problem.Detail ?? problem.Title ?? "refused");
    }
}
