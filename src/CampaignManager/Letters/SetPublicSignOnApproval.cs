namespace CampaignManager.Letters;

/// <summary>By default public sign-ons wait for staff approval; a letter can opt out (or back in).</summary>
public record SetPublicSignOnApproval(bool? Required);

public static class SetPublicSignOnApprovalEndpoint
{
    public static ProblemDetails Validate(SetPublicSignOnApproval command, Letter letter)
    {
        if (command.Required is null) return Problems.Validation(new FieldErrors().Add("required", "is required (true or false)"));
        return LetterRules.MustBe(letter, "changed", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed);
    }

    public static IEnumerable<object> Decide(Letter letter, SetPublicSignOnApproval command, string by, DateTimeOffset at)
    {
        if (letter.PublicSignOnNeedsApproval != command.Required)
            yield return new PublicSignOnApprovalSet(letter.Id, command.Required!.Value, by, at);
    }

    [WolverinePost("/api/letters/{id}/public-sign-on-approval", Name = "SetPublicSignOnApproval")]
    [EndpointSummary("Whether public sign-ons wait for staff approval")]
    [Tags("Signatures")]
    public static (LetterState, Events) Post(SetPublicSignOnApproval command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, letter.Status), new Events(Decide(letter, command, context.User.ActorName(), clock.GetUtcNow())));
}
