using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// A public signer withdraws their own signature through the personal link emailed on signing
/// (Signatures/MySignature.cshtml): at any time until the letter is final, whatever the signature's state.
/// </summary>
public record WithdrawOwnSignature(string PublicToken, string Secret);

/// <summary>Why a signer's own withdrawal was refused.</summary>
public enum WithdrawRefusal { AlreadyWithdrawn, DoesNotCount, Final }

public record OwnWithdrawal(ProblemDetails Problem, Letter? Letter, Signature? Signature, SignatureWithdrawn? Withdrawn);

public static class WithdrawOwnSignatureHandler
{
    public const string Reason = "Withdrawn by the signer through their personal link";

    public static string By(Signature s) => SignerErasure.Actor(s, "personal link");

    /// <summary>Why the signer cannot withdraw, or null: named, so their page can say it in their language.</summary>
    public static WithdrawRefusal? WhyNot(Letter letter, Signature signature) => signature.Status switch
    {
        SignatureStatus.Withdrawn => WithdrawRefusal.AlreadyWithdrawn,
        SignatureStatus.Expired or SignatureStatus.Rejected => WithdrawRefusal.DoesNotCount,
        _ when letter.Status == LetterStatus.Final => WithdrawRefusal.Final,
        _ => null
    };

    public static ProblemDetails Validate(Letter letter, Signature signature) => WhyNot(letter, signature) switch
    {
        WithdrawRefusal.AlreadyWithdrawn => Problems.Conflict("You already withdrew this signature."),
        WithdrawRefusal.DoesNotCount => Problems.Conflict("This signature does not count; there is nothing to withdraw."),
        WithdrawRefusal.Final => Problems.Conflict("The letter is final; its signatory block can no longer change."),
        _ => WolverineContinue.NoProblems
    };

    public static SignatureWithdrawn Decide(Signature signature, DateTimeOffset at) =>
        WithdrawSignatureEndpoint.Decide(signature, new WithdrawSignature(Reason), By(signature), at);

    /// <summary>Held like every change to the block (<see cref="LetterGate"/>): a finalize in flight is waited for, then seen.</summary>
    public static async Task<OwnWithdrawal> RunAsync(IDocumentStore store, WithdrawOwnSignature command, TimeProvider clock, CancellationToken token)
    {
        (SignerLink Link, Letter Letter, Signature Signature)? opened;
        await using (var read = store.QuerySession())
            opened = await SignerLinks.FindAsync(read, command.PublicToken, command.Secret, SignerLinkPurpose.Manage, token);
        if (opened is not { } found) return new(Problems.NotFound("Personal link", "given"), null, null, null);
        await using var session = store.LightweightSession();
        var letter = await LetterGate.HoldAsync(session, found.Letter.Id, token);
        var stream = await session.Events.FetchForWriting<Signature>(found.Signature.Id, token);
        if (letter is null || stream.Aggregate is not { } signature) return new(Problems.NotFound("Personal link", "given"), null, null, null);
        var problem = Validate(letter, signature);
        if (!problem.IsNone()) return new(problem, letter, signature, null);
        var withdrawn = Decide(signature, clock.GetUtcNow());
        stream.AppendOne(withdrawn);
        await session.SaveChangesAsync(token);
        signature.Apply(withdrawn);
        return new(problem, letter, signature, withdrawn);
    }
}
