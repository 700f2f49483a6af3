using CampaignManager.Hosting;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace CampaignManager.Letters;

public static class CloseSignaturesEndpoint
{
    public static ProblemDetails Validate(Letter letter) => LetterRules.MustBe(letter, "closed", LetterStatus.Open);

    public static SignaturesClosed Decide(Letter letter, string by, DateTimeOffset at) => new(letter.Id, by, at);

    [WolverinePost("/api/letters/{id}/close", Name = "CloseSignatures")]
    [EndpointSummary("Close a letter for sign-on")]
    [Tags("Letters")]
    public static (LetterState, SignaturesClosed) Post([WriteAggregate] Letter letter, HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, LetterStatus.Closed), Decide(letter, context.User.ActorName(), clock.GetUtcNow()));
}
