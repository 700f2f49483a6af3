using CampaignManager.Hosting;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace CampaignManager.Letters;

public static class FinalizeLetterEndpoint
{
    // Only a closed letter: finalizing while open would let a signature land after the text is locked.
    public static ProblemDetails Validate(Letter letter) => LetterRules.MustBe(letter, "finalized", LetterStatus.Closed);

    public static LetterFinalized Decide(Letter letter, string by, DateTimeOffset at) => new(letter.Id, letter.TextVersion, by, at);

    [WolverinePost("/api/letters/{id}/finalize", Name = "FinalizeLetter")]
    [EndpointSummary("Finalize a closed letter, locking its text")]
    [Tags("Letters")]
    // Exclusive: waits for signature changes in flight and blocks new ones until committed (see Signatures/LetterGate).
    public static (LetterState, LetterFinalized) Post([WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, LetterStatus.Final), Decide(letter, context.User.ActorName(), clock.GetUtcNow()));
}
