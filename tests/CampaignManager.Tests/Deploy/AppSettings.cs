using System.Collections;
using System.Reflection;

namespace CampaignManager.Tests.Deploy;

/// <summary>
/// The configuration keys the app reads, derived from the app rather than retyped here: the connection string
/// name, every bound options class (a type with a <c>const string Section</c>, walked property by property), and
/// every "Section:Key" string literal in src/ (keys read with <c>Configuration["..."]</c> or <c>GetValue</c>).
/// An environment variable is one of them when its "__" separators, read as ":", give such a key.
/// </summary>
public static partial class AppSettings
{
    /// <summary>
    /// Read by the framework, not by our code, so not derivable from src/: the ASP.NET Core host (ports,
    /// forwarded headers, environment), the .NET runtime, the OpenTelemetry SDK's standard variables, and
    /// logging configuration (Logging:LogLevel:..., Logging:Console:...).
    /// </summary>
    public static readonly string[] FrameworkPrefixes = ["ASPNETCORE_", "DOTNET_", "OTEL_", "Logging__"];

    private static readonly HashSet<string> Exact = new(StringComparer.OrdinalIgnoreCase);
    private static readonly HashSet<string> Indexed = new(StringComparer.OrdinalIgnoreCase); // arrays: Key:0, Key:1...

    static AppSettings()
    {
        Exact.Add($"ConnectionStrings:{Database.ConnectionStringName}");
        foreach (var type in typeof(Database).Assembly.GetTypes())
        {
            if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field &&
                field.GetRawConstantValue() is string section)
                AddProperties(section, type);
        }
        foreach (var file in Directory.EnumerateFiles(DeployFiles.PathOf("src"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
            foreach (Match m in KeyLiteral().Matches(File.ReadAllText(file))) Exact.Add(m.Groups[1].Value);
        }
    }

    public static IReadOnlyCollection<string> Keys => Exact;

    public static bool IsReadByApp(string environmentVariable)
    {
        if (FrameworkPrefixes.Any(p => environmentVariable.StartsWith(p, StringComparison.OrdinalIgnoreCase))) return true;
        var key = environmentVariable.Replace("__", ":");
        if (Exact.Contains(key)) return true;
        var lastColon = key.LastIndexOf(':');
        return lastColon > 0 && int.TryParse(key[(lastColon + 1)..], out _) && Indexed.Contains(key[..lastColon]);
    }

    private static void AddProperties(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (t != typeof(string) && typeof(IEnumerable).IsAssignableFrom(t)) Indexed.Add(key);
            else if (t.IsClass && t != typeof(string)) AddProperties(key, t);
            else Exact.Add(key);
        }
    }

    // a whole string literal shaped like a configuration key: "Seeds:LoadOnStart", "Database:DataDirectory"
    [GeneratedRegex(@"""([A-Z][A-Za-z0-9]*(?::[A-Z][A-Za-z0-9]*)+)""")]
    private static partial Regex KeyLiteral();
}
