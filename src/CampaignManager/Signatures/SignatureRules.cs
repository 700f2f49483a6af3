using System.Diagnostics.CodeAnalysis;
using CampaignManager.Hosting;
using CampaignManager.Letters;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace CampaignManager.Signatures;

/// <summary>What every command on one signature checks first: that it is on the letter named, and what a final letter forbids.</summary>
public static class SignatureRules
{
    /// <summary>The letter, read under <see cref="LetterGate"/> so a close or finalize cannot commit under the change.</summary>
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
}
