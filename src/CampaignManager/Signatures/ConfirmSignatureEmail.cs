using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// The signer confirms their email through the personal link it was sent: the only way a signature on a letter that
/// asks for a confirmed email starts to count. Reached from the public page (Signatures/ConfirmSignature.cshtml): a GET
/// only shows the button, so a mail scanner that opens every link confirms nothing.
/// </summary>
public record ConfirmSignatureEmail(string PublicToken, string Secret);

/// <summary>Why a confirmation link confirmed nothing.</summary>
public enum ConfirmRefusal { Used, Expired, Final, NotWaiting }

public record ConfirmationAnswer(ProblemDetails Problem, Signature? Signature, SignatureEmailConfirmed? Confirmed);

public static class ConfirmSignatureEmailHandler
{
    /// <summary>The signer as the actor, as staff would recognise them; never a staff login.</summary>
    public static string By(Signature s) => SignerErasure.Actor(s, "confirmation link");

    /// <summary>Why the link confirms nothing, or null: named, so the signer's page can say it in their language.</summary>
    public static ConfirmRefusal? WhyNot(Letter letter, Signature signature, SignerLink link, DateTimeOffset now) =>
        // an erased email has nothing left to confirm: the page says the signature no longer waits
        signature.Email is null ? ConfirmRefusal.NotWaiting
        : link.UsedAt is not null || signature.EmailConfirmedAt is not null ? ConfirmRefusal.Used
        : signature.Status == SignatureStatus.Expired || now >= link.ExpiresAt ? ConfirmRefusal.Expired
        : letter.Status == LetterStatus.Final ? ConfirmRefusal.Final
        : signature.Status != SignatureStatus.AwaitingEmailConfirmation ? ConfirmRefusal.NotWaiting
        : null;

    public static ProblemDetails Validate(Letter letter, Signature signature, SignerLink link, DateTimeOffset now) =>
        signature.Email is null
            ? Problems.Conflict("This signature's email was erased; there is nothing to confirm.")
            : WhyNot(letter, signature, link, now) switch
        {
            ConfirmRefusal.Used => Problems.Conflict("This confirmation link was already used; it works once."),
            ConfirmRefusal.Expired => Problems.Conflict("This confirmation link has expired; the signature was not confirmed. You can sign again."),
            ConfirmRefusal.Final => Problems.Conflict("The letter is final; its signatory block can no longer change, so nothing was confirmed."),
            ConfirmRefusal.NotWaiting => Problems.Conflict($"This signature is no longer waiting for confirmation ({signature.Status}); nothing was changed."),
            _ => WolverineContinue.NoProblems
        };

    /// <summary>Counted from now, unless the signer signed under terms that also ask for staff approval.</summary>
    public static SignatureEmailConfirmed Decide(Signature signature, DateTimeOffset at) =>
        new(signature.Id, signature.LetterId, signature.Email!, signature.ApprovalAfterConfirmation, By(signature), at);

    /// <summary>
    /// Held like a sign-on (<see cref="LetterGate"/>, FOR SHARE): a finalize in flight is waited for and then seen, so no
    /// confirmation commits into a final block. The link is marked used in the same transaction; two clicks at once
    /// meet on the signature's stream version, and the loser is told the link was used.
    /// </summary>
    public static async Task<ConfirmationAnswer> RunAsync(IDocumentStore store, ConfirmSignatureEmail command, TimeProvider clock,
        CancellationToken token)
    {
        (SignerLink Link, Letter Letter, Signature Signature)? opened;
        await using (var read = store.QuerySession())
            opened = await SignerLinks.FindAsync(read, command.PublicToken, command.Secret, SignerLinkPurpose.Confirm, token);
        if (opened is not { } found) return new(Problems.NotFound("Confirmation link", "given"), null, null);
        await using var session = store.LightweightSession();
        var letter = await LetterGate.HoldAsync(session, found.Letter.Id, token);
        var link = await session.LoadAsync<SignerLink>(found.Link.Id, token);
        var stream = await session.Events.FetchForWriting<Signature>(found.Signature.Id, token);
        if (letter is null || link is null || stream.Aggregate is not { } signature) return new(Problems.NotFound("Confirmation link", "given"), null, null);
        var now = clock.GetUtcNow();
        var problem = Validate(letter, signature, link, now);
        if (!problem.IsNone()) return new(problem, signature, null);
        var confirmed = Decide(signature, now);
        stream.AppendOne(confirmed);
        session.Store(link with { UsedAt = now });
        try
        {
            await session.SaveChangesAsync(token);
        }
        catch (JasperFx.ConcurrencyException)
        {
            return new(Problems.Conflict("This confirmation link was already used; it works once."), signature, null);
        }
        signature.Apply(confirmed);
        return new(problem, signature, confirmed);
    }
}
