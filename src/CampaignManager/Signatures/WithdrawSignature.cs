using CampaignManager.Letters;

namespace CampaignManager.Signatures;

public record WithdrawSignature(string? Reason = null);

public static class WithdrawSignatureEndpoint
{
    public static Task<Letter?> LoadAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        SignatureRules.LetterAsync(id, session, token);

    public static ProblemDetails Validate(Guid id, WithdrawSignature command, Letter? letter, Signature signature) =>
        SignatureRules.Reason(command.Reason)
            .Then(() => SignatureRules.BlockCanChange(id, letter, signature))
            .Then(() => signature.Status == SignatureStatus.Withdrawn
                ? Problems.Conflict("This signature was already withdrawn.")
                : WolverineContinue.NoProblems);

    /// <summary>Withdrawal is history, not deletion: the signature stays with its withdrawal recorded.</summary>
    public static SignatureWithdrawn Decide(Signature signature, WithdrawSignature command, string by, DateTimeOffset at) =>
        new(signature.Id, signature.LetterId, TextRules.TrimToNull(command.Reason), by, at);

    [WolverinePost("/api/letters/{id}/signatures/{signatureId}/withdraw", Name = "WithdrawSignature")]
    [EndpointSummary("Withdraw a signature (kept as history)")]
    [Tags("Signatures")]
    public static (SignatoryView, SignatureWithdrawn) Post(Guid id, WithdrawSignature command, Letter? letter,
        [WriteAggregate("signatureId")] Signature signature, HttpContext context, TimeProvider clock) =>
        SignatureRules.Answer(signature, letter!, Decide(signature, command, context.User.ActorName(), clock.GetUtcNow()));
}
