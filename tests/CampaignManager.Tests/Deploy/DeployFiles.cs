using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace CampaignManager.Tests.Deploy;

/// <summary>
/// The files under deploy/, read the way their tools read them: YAML with anchors and merge keys resolved
/// (compose uses both), and the Dockerfile as a list of instructions with continuation lines joined.
/// </summary>
public static partial class DeployFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string PathOf(string relative) => Path.Combine(RepositoryRoot, relative);

    /// <summary>Every document in a YAML file, as nested dictionaries, lists and strings.</summary>
    public static IReadOnlyList<Dictionary<object, object>> YamlDocuments(string relative)
    {
        using var reader = new StringReader(File.ReadAllText(PathOf(relative)));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Dictionary<object, object>>();
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            if (deserializer.Deserialize(parser) is Dictionary<object, object> document) documents.Add(document);
        }
        return documents;
    }

    public static Dictionary<object, object> Yaml(string relative) => YamlDocuments(relative).Single();

    public static string[] KubernetesManifests() =>
        Directory.GetFiles(PathOf("deploy/kubernetes"), "*.yaml").Select(f => Path.GetRelativePath(RepositoryRoot, f)).Order().ToArray();

    /// <summary>The Dockerfile's instructions in order: (keyword, arguments), comments dropped, "\" lines joined.</summary>
    public static IReadOnlyList<(string Keyword, string Arguments)> DockerfileInstructions()
    {
        var joined = Regex.Replace(File.ReadAllText(PathOf("deploy/Dockerfile")), @"\\\r?\n\s*", " ");
        return joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2) is [var keyword, var rest] ? (keyword.ToUpperInvariant(), rest.Trim()) : (line.ToUpperInvariant(), ""))
            .ToList();
    }

    /// <summary>The instructions of the last stage, the one the image is made of.</summary>
    public static IReadOnlyList<(string Keyword, string Arguments)> FinalStage()
    {
        var all = DockerfileInstructions();
        var lastFrom = all.Select((i, index) => (i.Keyword, index)).Last(i => i.Keyword == "FROM").index;
        return all.Skip(lastFrom).ToList();
    }

    /// <summary>NAME=value pairs of the ENV instructions of the final stage.</summary>
    public static Dictionary<string, string> ImageEnvironment() =>
        FinalStage().Where(i => i.Keyword == "ENV")
            .SelectMany(i => EnvPair().Matches(i.Arguments))
            .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);

    // children of a YAML mapping or sequence, tolerant of absent keys
    public static Dictionary<object, object> Map(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var child) && child is Dictionary<object, object> c ? c : [];

    public static List<object> List(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var child) && child is List<object> c ? c : [];

    public static string? Text(this object? node, string key) =>
        node is Dictionary<object, object> map && map.TryGetValue(key, out var child) ? child?.ToString() : null;

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CampaignManager.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"CampaignManager.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
