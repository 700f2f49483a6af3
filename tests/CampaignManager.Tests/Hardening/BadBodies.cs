using System.Collections;
using System.Reflection;
using System.Text.Json.Nodes;

namespace CampaignManager.Tests.Hardening;

/// <summary>
/// Bodies that are wrong whatever the command and whatever state its resource is in, derived from the command's own
/// type, so a new command or field is swept without anyone remembering to add it here.
/// </summary>
public static class BadBodies
{
    public record Case(string What, string Json);

    // .NET will not serialize a lone surrogate, so it is spliced into the JSON text as the escape a client could send
    private const string LoneSurrogate = "LONE-SURROGATE";

    public static IEnumerable<Case> For(Type? commandType)
    {
        yield return new("malformed JSON", "{\"title\": ");
        yield return new("a body of null", "null");
        yield return new("an array instead of an object", "[]");
        yield return new("a number instead of an object", "42");
        yield return new("a string with an unescaped NUL", "{\"x\": \"a\u0000b\"}");
        if (commandType is null) yield break;
        foreach (var (path, type) in Fields(commandType, "", depth: 0))
            foreach (var (what, value) in WrongValuesFor(type))
                yield return new($"{path}: {what}", Place(path, value).ToJsonString().Replace(LoneSurrogate, "\\ud800"));
    }

    /// <summary>Every settable field as a camelCase path, nested records and list items included ("addressees[0].name").</summary>
    public static IEnumerable<(string Path, Type Type)> Fields(Type type, string prefix, int depth)
    {
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            if (p.Name == "EqualityContract") continue;
            var path = prefix + JsonNamingPolicy.CamelCase.ConvertName(p.Name);
            var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            yield return (path, t);
            if (depth > 1) continue;
            var item = ItemType(t);
            var nested = item ?? t;
            if (nested.IsClass && nested != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(nested))
                foreach (var inner in Fields(nested, item is null ? path + "." : path + "[0].", depth + 1)) yield return inner;
            else if (item is not null) yield return (path + "[0]", item);
        }
    }

    private static Type? ItemType(Type t) => t != typeof(string) && t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t)
        ? t.GetGenericArguments()[0] : null;

    private static IEnumerable<(string, JsonNode?)> WrongValuesFor(Type type)
    {
        if (type == typeof(string))
        {
            yield return ("a number for text", 12345);
            yield return ("NUL", "Human\u0000Rights");
            yield return ("a control character", "Human\u0007Rights\u001b[31m");
            yield return ("a lone surrogate", LoneSurrogate);
            yield return ("100,001 characters", new string('x', 100_001));
        }
        else if (type.IsEnum) yield return ("an unknown enum value", "noSuchValue");
        else if (type == typeof(Guid)) yield return ("not a guid", "not-a-guid");
        else if (type == typeof(bool)) yield return ("text for a flag", "yes");
        else if (type == typeof(int) || type == typeof(long)) yield return ("text for a number", "many");
        else if (type == typeof(DateOnly) || type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            yield return ("year 0001", type == typeof(DateOnly) ? "0001-01-01" : "0001-01-01T00:00:00Z");
            yield return ("year 9999", type == typeof(DateOnly) ? "9999-12-31" : "9999-12-31T00:00:00Z");
            yield return ("not a date", "next tuesday");
        }
        else if (ItemType(type) is not null)
        {
            yield return ("text for a list", "not a list");
            yield return ("a null item", new JsonArray((JsonNode?)null));
        }
        else if (type.IsClass) yield return ("text for an object", "not an object");
    }

    /// <summary>A body holding only <paramref name="value"/> at <paramref name="path"/>, building the objects and lists on the way.</summary>
    public static JsonObject Place(string path, JsonNode? value)
    {
        var root = new JsonObject();
        JsonNode current = root;
        var parts = path.Replace("[0]", ".[0]").Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var last = i == parts.Length - 1;
            JsonNode? next = last ? value : parts[i + 1] == "[0]" ? new JsonArray() : new JsonObject();
            if (parts[i] == "[0]") ((JsonArray)current).Add(next);
            else ((JsonObject)current)[parts[i]] = next;
            if (!last) current = next!;
        }
        return root;
    }
}
