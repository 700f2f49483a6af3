using CampaignManager.Hosting;
using CampaignManager.Letters;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace CampaignManager.Signatures;

public record WithdrawSignature(string? Reason = null);

public static class WithdrawSignatureEndpoint
{
    public static Task<Letter?> LoadAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        SignatureRules.LetterAsync(id, session, token);

    public static ProblemDetails Validate(Guid id, WithdrawSignature command, Letter? letter, Signature signature)
    {
        var errors = new FieldErrors().MaxLength("reason", command.Reason, 1000, multiLine: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (SignatureRules.NotOnLetter(id, letter, signature, out var missing)) return missing;
        if (letter.Status == LetterStatus.Final)
            return SignatureRules.BlockIsFinal();
        if (signature.Status == SignatureStatus.Withdrawn)
            return Problems.Conflict("This signature was already withdrawn.");
        return WolverineContinue.NoProblems;
    }

    /// <summary>Withdrawal is history, not deletion: the signature stays with its withdrawal recorded.</summary>
    public static SignatureWithdrawn Decide(Signature signature, WithdrawSignature command, string by, DateTimeOffset at) =>
        new(signature.Id, signature.LetterId, TextRules.TrimToNull(command.Reason), by, at);

    [WolverinePost("/api/letters/{id}/signatures/{signatureId}/withdraw", Name = "WithdrawSignature")]
    [EndpointSummary("Withdraw a signature (kept as history)")]
    [Tags("Signatures")]
    public static (SignatoryView, SignatureWithdrawn) Post(Guid id, WithdrawSignature command, Letter? letter,
        [WriteAggregate("signatureId")] Signature signature, HttpContext context, TimeProvider clock)
    {
        var withdrawn = Decide(signature, command, context.User.ActorName(), clock.GetUtcNow());
        signature.Apply(withdrawn);
        return (SignatoryView.From(signature, letter!.TextVersion), withdrawn);
    }
}
