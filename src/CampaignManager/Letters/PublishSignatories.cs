namespace CampaignManager.Letters;

/// <summary>Lift a letter's embargo: from now on the public page shows who signed. It cannot be undone.</summary>
public record PublishSignatories;

public static class PublishSignatoriesEndpoint
{
    public static ProblemDetails Validate(Letter letter) => letter switch
    {
        { SignatoriesEmbargoed: false } => Problems.Conflict("The signatories are not under embargo; they are already public."),
        { SignatoriesPublishedAt: not null } => Problems.Conflict("The signatories were already published."),
        _ => WolverineContinue.NoProblems
    };

    public static SignatoriesPublished Decide(Letter letter, string by, DateTimeOffset at) => new(letter.Id, by, at);

    [WolverinePost("/api/letters/{id}/publish-signatories", Name = "PublishSignatories")]
    [EndpointSummary("Publish an embargoed signatory list on the public page")]
    [Tags("Signatures")]
    public static (LetterState, SignatoriesPublished) Post(PublishSignatories command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, letter.Status), Decide(letter, context.User.ActorName(), clock.GetUtcNow()));
}
