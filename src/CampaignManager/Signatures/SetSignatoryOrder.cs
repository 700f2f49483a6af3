using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>Staff override of the signatory block: these signatures first, in this order (empty list: back to the rule).</summary>
public record SetSignatoryOrder(IReadOnlyList<Guid>? SignatureIds);

public static class SetSignatoryOrderEndpoint
{
    /// <summary>Which of the pinned ids are signatures on the letter, to check the command against.</summary>
    public record SignaturesOnLetter(IReadOnlyList<Guid> Ids);

    // only the ids being pinned, looked up by primary key: never every signature of a letter with 100,000 of them
    public static async Task<SignaturesOnLetter> LoadAsync(Guid id, SetSignatoryOrder command, IQuerySession session,
        CancellationToken token)
    {
        var wanted = (command.SignatureIds ?? []).Distinct().ToArray();
        return new(wanted.Length == 0
            ? []
            : await session.Query<Signature>().Where(x => x.Id.IsOneOf(wanted) && x.LetterId == id).Select(x => x.Id)
                .ToListAsync(token));
    }

    public static ProblemDetails Validate(SetSignatoryOrder command, Letter letter, SignaturesOnLetter onLetter)
    {
        var ids = command.SignatureIds ?? [];
        var unknown = ids.Where(x => !onLetter.Ids.Contains(x)).ToList();
        var errors = new FieldErrors()
            .When(command.SignatureIds is null, "signatureIds", "is required (an empty list restores the default order)")
            .When(unknown.Count > 0, "signatureIds", $"are not signatures on this letter: {string.Join(", ", unknown)}")
            .When(ids.Distinct().Count() != ids.Count, "signatureIds", "lists a signature twice");
        if (errors.Count > 0) return Problems.Validation(errors);
        return letter.Status == LetterStatus.Final
            ? SignatureRules.BlockIsFinal()
            : WolverineContinue.NoProblems;
    }

    public static SignatoryOrderSet Decide(Letter letter, SetSignatoryOrder command, string by, DateTimeOffset at) =>
        new(letter.Id, command.SignatureIds ?? [], by, at);

    [WolverinePost("/api/letters/{id}/signatory-order", Name = "SetSignatoryOrder")]
    [EndpointSummary("Pin an explicit order for the signatory block")]
    [Tags("Signatures")]
    public static (LetterState, SignatoryOrderSet) Post(SetSignatoryOrder command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, letter.Status), Decide(letter, command, context.User.ActorName(), clock.GetUtcNow()));
}
