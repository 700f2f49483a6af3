using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>Staff accept a signature from the public page into the signatory block.</summary>
public record ApproveSignature;

public static class ApproveSignatureEndpoint
{
    public static Task<Letter?> LoadAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        SignatureRules.LetterAsync(id, session, token);

    public static ProblemDetails Validate(Guid id, Letter? letter, Signature signature) =>
        SignatureRules.BlockCanChange(id, letter, signature).Then(() => signature.Status == SignatureStatus.AwaitingApproval
            ? WolverineContinue.NoProblems
            : Problems.Conflict($"Only a signature awaiting approval can be approved; this one is {signature.Status}."));

    public static SignatureApproved Decide(Signature signature, string by, DateTimeOffset at) => new(signature.Id, signature.LetterId, by, at);

    [WolverinePost("/api/letters/{id}/signatures/{signatureId}/approve", Name = "ApproveSignature")]
    [EndpointSummary("Approve a self-submitted signature into the signatory block")]
    [Tags("Signatures")]
    public static (SignatoryView, SignatureApproved) Post(ApproveSignature command, Letter? letter,
        [WriteAggregate("signatureId")] Signature signature, HttpContext context, TimeProvider clock) =>
        SignatureRules.Answer(signature, letter!, Decide(signature, context.User.ActorName(), clock.GetUtcNow()));
}
