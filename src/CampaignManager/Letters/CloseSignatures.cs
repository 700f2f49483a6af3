namespace CampaignManager.Letters;

public static class CloseSignaturesEndpoint
{
    public static ProblemDetails Validate(Letter letter) => LetterRules.MustBe(letter, "closed", LetterStatus.Open);

    public static SignaturesClosed Decide(Letter letter, string by, DateTimeOffset at) => new(letter.Id, by, at);

    // Exclusive: the letter's stream row is locked FOR UPDATE before the state is checked, so the close waits for every
    // sign-on that already holds it FOR SHARE to commit, and no sign-on can commit after it (see LetterGate).
    [WolverinePost("/api/letters/{id}/close", Name = "CloseSignatures")]
    [EndpointSummary("Close a letter for sign-on")]
    [Tags("Letters")]
    public static (LetterState, SignaturesClosed) Post([WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, LetterStatus.Closed), Decide(letter, context.User.ActorName(), clock.GetUtcNow()));
}
