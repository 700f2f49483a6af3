namespace CampaignManager.Letters;

/// <summary>
/// <see cref="Unconfirmed"/> is needed only when signers still owe a re-confirmation of the current text: wait (do not
/// finalize yet), drop them from the block, or keep them marked with the version they signed.
/// </summary>
public record FinalizeLetter(UnconfirmedSigners? Unconfirmed = null);

/// <summary>What finalizing records: on the letter, and a withdrawal on each dropped signer's own stream.</summary>
public record FinalizeDecision(LetterStatus Status, IReadOnlyList<object> LetterEvents, IReadOnlyList<DroppedSigner> Dropped);

public static class FinalizeLetterEndpoint
{
    /// <summary>The signers in the block still on an older text version (none when there is no such letter).</summary>
    public static async Task<IReadOnlyList<IBlockSigner>> LoadAsync(Guid id, IDocumentSession session, ILetterSigners signers,
        CancellationToken token) =>
        await session.LoadAsync<Letter>(id, token) is { } letter ? await signers.BehindAsync(session, letter, token) : [];

    // Only a closed letter: finalizing while open would let a signature land after the text is locked.
    public static ProblemDetails Validate(FinalizeLetter command, Letter letter, IReadOnlyList<IBlockSigner> behind) =>
        LetterRules.MustBe(letter, "finalized", LetterStatus.Closed).Then(() =>
            Owing(letter, behind).Count is var owing and > 0 && command.Unconfirmed is null
                ? ChoiceNeeded(letter, owing)
                : WolverineContinue.NoProblems);

    public static IReadOnlyList<IBlockSigner> Owing(Letter letter, IEnumerable<IBlockSigner> signatures) =>
        signatures.Where(s => s.InBlock && s.SignedVersion < letter.VersionIn(s.Language)).ToList();

    public static ProblemDetails ChoiceNeeded(Letter letter, int owing)
    {
        var problem = Problems.Conflict(
            $"{owing} signer(s) have not re-confirmed version {letter.TextVersion}. Choose what happens to them: \"wait\" " +
            "(do not finalize yet), \"drop\" (finalize without them in the block) or \"keep\" (finalize with them marked " +
            "as having signed an earlier version), and send it as \"unconfirmed\".");
        problem.Extensions["unconfirmed"] = owing;
        problem.Extensions["choices"] = new[] { "wait", "drop", "keep" };
        return problem;
    }

    public static FinalizeDecision Decide(Letter letter, FinalizeLetter command, IEnumerable<IBlockSigner> signatures, string by, DateTimeOffset at)
    {
        var owing = Owing(letter, signatures);
        if (owing.Count == 0)
            return new(LetterStatus.Final, [new LetterFinalized(letter.Id, letter.TextVersion, by, at)], []);
        var ids = owing.Select(s => s.Id).ToList();
        return command.Unconfirmed switch
        {
            UnconfirmedSigners.Wait => new(letter.Status, [new FinalizationPostponed(letter.Id, letter.TextVersion, owing.Count, by, at)], []),
            UnconfirmedSigners.Drop => new(LetterStatus.Final, [new LetterFinalized(letter.Id, letter.TextVersion, by, at, UnconfirmedSigners.Drop, ids)],
                owing.Select(s => new DroppedSigner(s.Id, letter.Id,
                    $"Dropped when the letter was finalized: signed version {s.SignedVersion}, not re-confirmed on version {letter.TextVersion}", by, at)).ToList()),
            UnconfirmedSigners.Keep => new(LetterStatus.Final, [new LetterFinalized(letter.Id, letter.TextVersion, by, at, UnconfirmedSigners.Keep, ids)], []),
            _ => throw new ArgumentOutOfRangeException(nameof(command), "Validate refuses a missing choice")
        };
    }

    [WolverinePost("/api/letters/{id}/finalize", Name = "FinalizeLetter")]
    [EndpointSummary("Finalize a closed letter, locking its text; says what happens to signers who have not re-confirmed")]
    [Tags("Letters")]
    // Exclusive: waits for signature changes in flight and blocks new ones until committed (see Signatures/LetterGate).
    public static (LetterState, Events) Post(FinalizeLetter command, [WriteAggregate(LoadStyle = ConcurrencyStyle.Exclusive)] Letter letter,
        IReadOnlyList<IBlockSigner> behind, ILetterSigners signers, IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        var decision = Decide(letter, command, behind, context.User.ActorName(), clock.GetUtcNow());
        // the withdrawals commit with the letter's event: the block never shows a dropped signer on a final letter
        signers.Drop(session, decision.Dropped);
        return (LetterRules.StateAfter(letter, decision.Status), new Events(decision.LetterEvents));
    }
}
