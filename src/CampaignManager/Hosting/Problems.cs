namespace CampaignManager.Hosting;

/// <summary>Builds the RFC 9457 answers the endpoints return before they change anything.</summary>
public static class Problems
{
    public static ProblemDetails NotFound(string what, object id) => new()
    {
        Status = StatusCodes.Status404NotFound,
        Title = $"{what} not found",
        Detail = $"There is no {what.ToLowerInvariant()} with id {id}."
    };

    /// <summary>200 with the read model, or the 404 naming what was asked for: how every GET by id answers.</summary>
    public static IResult OkOrNotFound<T>(T? found, string what, object id) where T : class =>
        found is null ? Results.Problem(NotFound(what, id)) : Results.Ok(found);

    public static ProblemDetails Conflict(string detail) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The request conflicts with the current state",
        Detail = detail
    };

    /// <summary>
    /// The first problem of a chain of checks: <paramref name="next"/> runs only when <paramref name="state"/> found none,
    /// so a Validate reads as one expression instead of repeating the NoProblems comparison after every rule.
    /// </summary>
    public static ProblemDetails Then(this ProblemDetails state, Func<ProblemDetails> next) =>
        state.IsNone() ? next() : state;

    public static bool IsNone(this ProblemDetails state) => ReferenceEquals(state, WolverineContinue.NoProblems);

    /// <summary>400 with field errors; <see cref="WolverineContinue.NoProblems"/> when there are none.</summary>
    public static ProblemDetails Validation(FieldErrors errors) => errors.Count == 0
        ? WolverineContinue.NoProblems
        : new HttpValidationProblemDetails(errors.ToDictionary())
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are invalid"
        };
}

/// <summary>Collects validation messages per JSON field (camelCase paths such as "addressees[0].name").</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new();

    public int Count => _errors.Count;

    public FieldErrors Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    /// <summary>Present and visible (zero-width characters alone do not count), then <see cref="MaxLength"/>.</summary>
    public FieldErrors Required(string field, string? value, int maxLength = 500, bool multiLine = false)
    {
        if (TextRules.IsInvisibleOnly(value)) return Add(field, "must contain visible characters");
        if (!TextRules.HasVisibleText(value)) return Add(field, "is required");
        return MaxLength(field, value, maxLength, multiLine);
    }

    /// <summary>
    /// Length and <see cref="TextRules"/>: single-line by default (names, titles, emails), which also refuses bidi
    /// overrides and invisible-only values; <paramref name="multiLine"/> for bodies and notes.
    /// </summary>
    public FieldErrors MaxLength(string field, string? value, int maxLength, bool multiLine = false)
    {
        if (value is null) return this;
        if (value.Length > maxLength) return Add(field, $"must be at most {maxLength} characters");
        if (TextRules.Problem(value, multiLine) is { } problem) return Add(field, problem);
        if (!multiLine && TextRules.IsInvisibleOnly(value)) Add(field, "must contain visible characters");
        return this;
    }

    public FieldErrors When(bool condition, string field, string message) => condition ? Add(field, message) : this;

    /// <summary>The id a command names is given and is a known <paramref name="what"/> ("letter", "target").</summary>
    public FieldErrors Known<T>(string field, Reference<T> reference, string what) where T : class =>
        When(reference.Id is null, field, "is required")
            .When(reference.Id is not null && reference.Found is null, field, $"is not a known {what}");

    public Dictionary<string, string[]> ToDictionary() => _errors.ToDictionary(x => x.Key, x => x.Value.ToArray());
}
