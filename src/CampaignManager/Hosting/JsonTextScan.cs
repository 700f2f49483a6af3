namespace CampaignManager.Hosting;

/// <summary>
/// Looks at every string in a JSON body, whatever command it is for, so a field that has no rule of its own (a tag,
/// an evidence link) still cannot carry NUL, control characters, broken Unicode or a megabyte of text.
/// Line breaks and tabs pass here; whether a field may hold them is that field's rule in Validate.
/// </summary>
internal static class JsonTextScan
{
    /// <summary>The longest text field any command has (a letter body).</summary>
    public const int MaxStringLength = 100_000;

    public static void Check(JsonElement element, string path, FieldErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Check(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}", errors);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray()) Check(item, $"{path}[{i++}]", errors);
                break;
            case JsonValueKind.String:
                CheckString(element, path, errors);
                break;
        }
    }

    private static void CheckString(JsonElement element, string path, FieldErrors errors)
    {
        string value;
        try
        {
            value = element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // an escaped lone surrogate (\ud800): .NET will not make a string of it, and PostgreSQL would refuse it
            errors.Add(path, "is not valid Unicode text");
            return;
        }
        if (value.Length > MaxStringLength) errors.Add(path, $"must be at most {MaxStringLength} characters");
        else if (TextRules.Problem(value, multiLine: true) is { } problem) errors.Add(path, problem);
    }
}
