using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>The signer confirms the current version of the text they signed, in its language (no fields: always the current one).</summary>
public record ReconfirmSignature;

public static class ReconfirmSignatureEndpoint
{
    public static Task<Letter?> LoadAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        SignatureRules.LetterAsync(id, session, token);

    public static ProblemDetails Validate(Guid id, Letter? letter, Signature signature)
    {
        if (SignatureRules.NotOnLetter(id, letter, signature, out var missing)) return missing;
        if (letter.Status is not (LetterStatus.Open or LetterStatus.Closed))
            return Problems.Conflict($"A {letter.Status.ToString().ToLowerInvariant()} letter takes no re-confirmations.");
        if (signature.Status != SignatureStatus.Active)
            return Problems.Conflict($"Only a signature in the block can be re-confirmed; this one is {signature.Status}.");
        return WolverineContinue.NoProblems;
    }

    /// <summary>Binds the signature to the current text; already current means there is nothing to record.</summary>
    public static IEnumerable<object> Decide(Letter letter, Signature signature, string by, DateTimeOffset at)
    {
        var current = letter.VersionIn(signature.Language);
        if (signature.SignedVersion < current)
            yield return new SignatureReconfirmed(signature.Id, letter.Id, current, by, at);
    }

    [WolverinePost("/api/letters/{id}/signatures/{signatureId}/reconfirm", Name = "ReconfirmSignature")]
    [EndpointSummary("Re-confirm a signature on the current text version")]
    [Tags("Signatures")]
    public static (SignatoryView, Events) Post(ReconfirmSignature command, Letter? letter, [WriteAggregate("signatureId")] Signature signature,
        HttpContext context, TimeProvider clock)
    {
        var events = new Events(Decide(letter!, signature, context.User.ActorName(), clock.GetUtcNow()));
        foreach (var e in events.OfType<SignatureReconfirmed>()) signature.Apply(e);
        return (SignatoryView.From(signature, letter!), events);
    }
}
