namespace CampaignManager.Letters;

/// <summary>
/// Keep the letter's signatory list private until staff publish it: signers of a letter that criticises a government
/// may be at risk until the coalition goes public together.
/// </summary>
public record EmbargoSignatories;

public static class EmbargoSignatoriesEndpoint
{
    public static ProblemDetails Validate(Letter letter)
    {
        // once the names were public they cannot be recalled; an embargo then would only pretend to protect them
        if (letter.SignatoriesPublishedAt is not null)
            return Problems.Conflict("The signatories were already published; an embargo cannot take the names back.");
        return LetterRules.MustBe(letter, "embargoed", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed);
    }

    /// <summary>Embargoing an embargoed letter records nothing.</summary>
    public static IEnumerable<object> Decide(Letter letter, string by, DateTimeOffset at)
    {
        if (!letter.SignatoriesEmbargoed) yield return new SignatoriesEmbargoed(letter.Id, by, at);
    }

    [WolverinePost("/api/letters/{id}/embargo-signatories", Name = "EmbargoSignatories")]
    [EndpointSummary("Keep the signatory list private (staff only) until it is published")]
    [Tags("Signatures")]
    public static (LetterState, Events) Post(EmbargoSignatories command, [WriteAggregate] Letter letter, HttpContext context,
        TimeProvider clock) =>
        (LetterRules.StateAfter(letter, letter.Status), new Events(Decide(letter, context.User.ActorName(), clock.GetUtcNow())));
}
