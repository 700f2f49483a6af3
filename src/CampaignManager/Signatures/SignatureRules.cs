using CampaignManager.Hosting;
using CampaignManager.Letters;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace CampaignManager.Signatures;

/// <summary>What every command on one signature checks first: that it is on the letter named, and what a final letter forbids.</summary>
public static class SignatureRules
{
    public static async Task<Letter?> LetterAsync(Guid id, IQuerySession session, CancellationToken token) =>
        await session.LoadAsync<Letter>(id, token);

    /// <summary>A signature reached through another letter's URL is as unknown as a missing one.</summary>
    public static ProblemDetails? NotOnLetter(Guid id, Letter? letter, Signature signature) =>
        letter is null || signature.LetterId != id ? Problems.NotFound("Signature", signature.Id) : null;

    public static ProblemDetails BlockIsFinal() =>
        Problems.Conflict("The letter is final; its signatory block can no longer change.");
}
