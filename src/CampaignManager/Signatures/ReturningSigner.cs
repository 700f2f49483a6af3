using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// The signer a personal re-confirmation link identifies on the public page: the change since the version they signed,
/// and whether they may still answer (only while the letter is open; closing it is what expires the link).
/// </summary>
public record ReturningSigner(Signature? Signature, DiffTable? Changes, bool Expired)
{
    /// <summary>A link that opens nothing on this letter: the page says so, and names no one.</summary>
    public static readonly ReturningSigner Unknown = new(null, null, Expired: true);

    /// <summary>The signer as the actor of their answer, as staff would recognise them; never a staff login.</summary>
    public string By => Signature is { } s ? ActorOf(s) : "anonymous";

    public static string ActorOf(Signature s) => SignerErasure.Actor(s, "re-confirmation link");

    public bool CanAnswer => !Expired && Signature is { Status: SignatureStatus.Active };

    public static ReturningSigner For(Letter letter, Signature signature) => new(signature,
        signature.SignedVersion < letter.VersionIn(signature.Language) && letter.TextIn(signature.Language, signature.SignedVersion) is { } signed
            ? DiffTable.Between(signed, letter.TextIn(signature.Language, letter.VersionIn(signature.Language))!)
            : null,
        letter.Status != LetterStatus.Open);

    public static ProblemDetails LinkExpired(Letter letter) => Problems.Conflict(
        $"This link stopped working when the letter was {letter.Status.ToString().ToLowerInvariant()}; nothing was changed.");

    /// <summary>The refusal, or the events of the answer.</summary>
    public static (ProblemDetails Problem, IReadOnlyList<object> Events) Answer(ProblemDetails problem, Func<IEnumerable<object>> events) =>
        problem.IsNone() ? (problem, events().ToList()) : (problem, []);
}
