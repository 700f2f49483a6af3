using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>Staff turn down a self-submitted signature (spam, a signer they cannot verify); it is kept as history.</summary>
public record RejectSignature(string? Reason = null);

public static class RejectSignatureEndpoint
{
    public static Task<Letter?> LoadAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        SignatureRules.LetterAsync(id, session, token);

    /// <summary>Only what could be approved can be rejected: the same rules as approving, after the note's own.</summary>
    public static ProblemDetails Validate(Guid id, RejectSignature command, Letter? letter, Signature signature) =>
        SignatureRules.Reason(command.Reason).Then(() => ApproveSignatureEndpoint.Validate(id, letter, signature));

    public static SignatureRejected Decide(Signature signature, RejectSignature command, string by, DateTimeOffset at) =>
        new(signature.Id, signature.LetterId, TextRules.TrimToNull(command.Reason), by, at);

    [WolverinePost("/api/letters/{id}/signatures/{signatureId}/reject", Name = "RejectSignature")]
    [EndpointSummary("Reject a self-submitted signature (kept as history)")]
    [Tags("Signatures")]
    public static (SignatoryView, SignatureRejected) Post(RejectSignature command, Letter? letter,
        [WriteAggregate("signatureId")] Signature signature, HttpContext context, TimeProvider clock) =>
        SignatureRules.Answer(signature, letter!, Decide(signature, command, context.User.ActorName(), clock.GetUtcNow()));
}
