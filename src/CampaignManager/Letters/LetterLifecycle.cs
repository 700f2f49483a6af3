namespace CampaignManager.Letters;

/// <summary>What a lifecycle command answers: the letter's state after it.</summary>
public record LetterState(Guid Id, LetterStatus Status, int TextVersion);

/// <summary>The state rules every lifecycle command shares, so each command file states only its own.</summary>
public static class LetterRules
{
    public static ProblemDetails MustBe(Letter letter, string action, params LetterStatus[] allowed) =>
        allowed.Contains(letter.Status)
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"A letter that is {letter.Status.ToString().ToLowerInvariant()} cannot be {action}; " +
                                $"this needs a letter that is {string.Join(" or ", allowed.Select(s => s.ToString().ToLowerInvariant()))}.");

    public static LetterState StateAfter(Letter letter, LetterStatus status) => new(letter.Id, status, letter.TextVersion);
}
