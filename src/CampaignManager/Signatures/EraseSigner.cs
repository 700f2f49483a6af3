using CampaignManager.Letters;
using CampaignManager.Staff;

namespace CampaignManager.Signatures;

/// <summary>
/// An admin erases a signer's personal data on their request (a right-to-erasure request, a signer at risk). The
/// <see cref="Reason"/> is kept for good in the history, so it may say why and on whose request, never repeat the data.
/// </summary>
public record EraseSigner(string? Reason);

public static class EraseSignerEndpoint
{
    public static Task<Letter?> LoadAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        SignatureRules.LetterAsync(id, session, token);

    /// <summary>Also on a final letter: the block does not change (the signature keeps counting), only what it holds of the signer.</summary>
    public static ProblemDetails Validate(Guid id, EraseSigner command, Letter? letter, Signature signature) =>
        SignatureRules.NotOnLetter(id, letter, signature, out var missing) ? missing
        : Problems.Validation(new FieldErrors().Required("reason", command.Reason, 1000, multiLine: true))
            .Then(() => signature.ErasedAt is not null
                ? Problems.Conflict($"This signer's personal data was already erased by {signature.ErasedBy} on {signature.ErasedAt:yyyy-MM-dd}.")
                : WolverineContinue.NoProblems)
            .Then(() => Problems.Validation(new FieldErrors().When(SignerErasure.Repeats(command.Reason, signature), "reason",
                "must not repeat the name, title or email it erases: the reason stays in the history")));

    public static SignerErased Decide(Signature signature, EraseSigner command, string by, DateTimeOffset at) =>
        new(signature.Id, signature.LetterId, command.Reason!.Trim(), by, at);

    /// <summary>
    /// The event commits with the documents it changes; the masking of the stream's earlier events, the signer's keys
    /// and links follow as a durable message (<see cref="MaskSignerData"/>), which runs again until it succeeds.
    /// </summary>
    [WolverinePost("/api/letters/{id}/signatures/{signatureId}/erase", Name = "EraseSigner")]
    [Authorize(Policy = StaffAccess.Admin)]
    [EndpointSummary("Erase a signer's personal data from every event, document and export; the signature keeps counting (admin)")]
    [Tags("Signatures")]
    public static (SignatoryView, SignerErased, OutgoingMessages) Post(Guid id, EraseSigner command, Letter? letter,
        [WriteAggregate("signatureId")] Signature signature, HttpContext context, TimeProvider clock)
    {
        var (view, erased) = SignatureRules.Answer(signature, letter!, Decide(signature, command, context.User.ActorName(), clock.GetUtcNow()));
        return (view, erased, [new MaskSignerData(signature.Id, EmailOnly: false)]);
    }
}
