namespace CampaignManager.Letters;

/// <summary>
/// How the public page shows signatures given on an earlier text version. After a revision every earlier signer still
/// counts (staff decide at finalizing what becomes of them), so the page must not pass them off as signers of the text
/// it shows: either it marks them with the version they signed, or it counts and lists the current version alone.
/// </summary>
public enum PublicSignatoryDisplay
{
    /// <summary>Every active signature, those on an earlier version marked "signed version N" and counted apart.</summary>
    MarkEarlierVersions,

    /// <summary>Only signatures on the current version are counted and listed; the others appear once they re-confirm.</summary>
    CurrentVersionOnly
}

public record SetPublicSignatoryDisplay(PublicSignatoryDisplay? Mode);

/// <summary>
/// Which signatures <see cref="PublicSignatoryDisplay.CurrentVersionOnly"/> counts and lists: a signer is current when
/// the version they signed is the current version of the text in their language. A signer of the source needs the
/// source's current version; a signer of a translation needs that translation's current version, even while the
/// translation is stale (nothing newer exists in their language for them to sign, and the re-confirmation asks them
/// nothing until it changes). The same rule as "needs re-confirmation", so the count and the list agree.
/// </summary>
public static class CurrentSigners
{
    /// <param name="language">The translation signed, null for the source.</param>
    public static bool SignedCurrentText(Letter letter, string? language, int signedVersion) => signedVersion == letter.VersionIn(language);

    /// <summary>Each translation's current version, by its tag; a signature of any other language is on the source.</summary>
    public static IReadOnlyList<(string Language, int Version)> TranslationVersions(Letter letter) =>
        [.. letter.Translations.Select(t => (t.Language, t.Version))];
}

public static class SetPublicSignatoryDisplayEndpoint
{
    // Not on a final letter: its block was settled by the finalize choice (drop, or keep marked), and the page shows it so.
    public static ProblemDetails Validate(SetPublicSignatoryDisplay command, Letter letter)
    {
        if (command.Mode is null)
            return Problems.Validation(new FieldErrors().Add("mode", "is required (\"markEarlierVersions\" or \"currentVersionOnly\")"));
        return LetterRules.MustBe(letter, "changed", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed);
    }

    /// <summary>Choosing what is already set records nothing.</summary>
    public static IEnumerable<object> Decide(Letter letter, SetPublicSignatoryDisplay command, string by, DateTimeOffset at)
    {
        if (letter.PublicSignatoryDisplay != command.Mode)
            yield return new PublicSignatoryDisplaySet(letter.Id, command.Mode!.Value, by, at);
    }

    [WolverinePost("/api/letters/{id}/public-signatory-display", Name = "SetPublicSignatoryDisplay")]
    [EndpointSummary("How the public page shows signatures given on an earlier text version")]
    [Tags("Signatures")]
    public static (LetterState, Events) Post(SetPublicSignatoryDisplay command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, letter.Status), new Events(Decide(letter, command, context.User.ActorName(), clock.GetUtcNow())));
}
