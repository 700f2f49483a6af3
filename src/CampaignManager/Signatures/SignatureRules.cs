using System.Diagnostics.CodeAnalysis;
using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>What every command on one signature checks first: that it is on the letter named, and what a final letter forbids.</summary>
public static class SignatureRules
{
    /// <summary>
    /// The letter, read under <see cref="LetterGate"/> so a close or finalize cannot commit under the change. Wolverine runs
    /// an endpoint class's own <c>LoadAsync</c> before <c>Validate</c>, so each command on one signature names this gate
    /// in a one-line <c>LoadAsync</c>; the checks after it are the rest of this class.
    /// </summary>
    public static Task<Letter?> LetterAsync(Guid id, IDocumentSession session, CancellationToken token) =>
        LetterGate.HoldAsync(session, id, token);

    /// <summary>A signature reached through another letter's URL is as unknown as a missing one.</summary>
    public static bool NotOnLetter(Guid id, [NotNullWhen(false)] Letter? letter, Signature signature,
        [NotNullWhen(true)] out ProblemDetails? problem)
    {
        problem = letter is null || signature.LetterId != id ? Problems.NotFound("Signature", signature.Id) : null;
        return problem is not null;
    }

    public static ProblemDetails BlockIsFinal() =>
        Problems.Conflict("The letter is final; its signatory block can no longer change.");

    /// <summary>Where every staff change to the block starts: the signature is on this letter and the letter is not final.</summary>
    public static ProblemDetails BlockCanChange(Guid id, Letter? letter, Signature signature) =>
        NotOnLetter(id, letter, signature, out var missing) ? missing
        : letter.Status == LetterStatus.Final ? BlockIsFinal()
        : Wolverine.Http.WolverineContinue.NoProblems;

    /// <summary>Staff's note on a withdrawal or a rejection: optional, several lines at most 1000 characters.</summary>
    public static ProblemDetails Reason(string? reason) =>
        Problems.Validation(new FieldErrors().MaxLength("reason", reason, 1000, multiLine: true));

    /// <summary>
    /// The answer of a command on one signature: the event to append, and the signatory as that event leaves it
    /// (folded through the same Apply Marten runs, so the answer and the stored document agree).
    /// </summary>
    public static (SignatoryView, TEvent) Answer<TEvent>(Signature signature, Letter letter, TEvent decided) where TEvent : notnull
    {
        EventFold<Signature>.Apply(signature, decided);
        return (SignatoryView.From(signature, letter), decided);
    }
}
