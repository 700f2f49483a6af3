using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>The pure decision behind a sign-on: what to answer and which event, if any, to record.</summary>
public static class Signing
{
    public record Decision(SignOutcome Outcome, object? Event);

    /// <summary>
    /// What an anonymous visitor is told about any accepted sign-on. It names nobody and says nothing about what was
    /// already on file: anyone can type anyone's email, so the answer must not tell them who is behind it, or whether
    /// that signer is pending, rejected or withdrawn.
    /// </summary>
    public static readonly SignOutcome Received = new(null, false, null);

    public static Decision Decide(Letter? letter, Signature? existing, SignLetter command, Guid newId, DateTimeOffset at) =>
        Decide(letter is null ? null : SigningTerms.Of(letter), existing, command, newId, at);

    public static Decision Decide(SigningTerms? letter, Signature? existing, SignLetter command, Guid newId, DateTimeOffset at)
    {
        if (letter is null)
            return new(new SignOutcome(null, false, Problems.NotFound("Letter", command.LetterId)), null);
        if (letter.Status != LetterStatus.Open)
            return Reject($"The letter is {letter.Status.ToString().ToLowerInvariant()}; signatures are only accepted while it is open.");
        if (letter.SignatureDeadline is { } deadline && at > deadline)
            return Reject($"The sign-on deadline {deadline:u} has passed.");
        if (command.Signatory.SignedOn is { } day && day > DateOnly.FromDateTime(at.UtcDateTime))
            return new(new SignOutcome(null, false, Problems.Validation(new FieldErrors().Add("signedOn", "cannot be a day still to come"))), null);
        if (!letter.TryChoose(command.Signatory.Language, out var language))
            return new(new SignOutcome(null, false, Problems.Validation(new FieldErrors().Add("language",
                $"is not one of the letter's languages: {string.Join(", ", letter.Languages)}"))), null);

        var isPublic = command.Source == SignatureSource.Public;
        switch (existing)
        {
            // A repeat changes nothing, whether the first sign-on counts yet, waits for approval or was turned down.
            case { Status: SignatureStatus.Active or SignatureStatus.AwaitingApproval }:
            case { Status: SignatureStatus.Rejected } when isPublic:
                return new(isPublic ? Received : new SignOutcome(SignatoryView.From(existing, letter), false, null), null);
            case { Status: SignatureStatus.Withdrawn }:
            {
                // A withdrawal was deliberate; a stranger who types that name on the public page must not undo it, so a
                // public renewal waits for staff whatever the letter's approval setting. It stands on the current text
                // in the language first signed: a renewal is the same signature again, not a new choice of text.
                var renewed = new SignatureRenewed(existing.Id, letter.Id, letter.VersionIn(existing.Language), command.By, at, AwaitingApproval: isPublic);
                existing.Apply(renewed);
                return new(isPublic ? Received : new SignOutcome(SignatoryView.From(existing, letter), false, null), renewed);
            }
        }

        // No signer on file, or (staff only) one whose public sign-on was rejected: staff vouch for this signer, so a
        // new signature is recorded with the details staff entered, and the rejected one stays in the history.
        var s = command.Signatory;
        var added = new SignatureAdded(newId, letter.Id, s.Kind!.Value, s.Name.Trim(), TextRules.TrimToNull(s.Title),
            TextRules.TrimToNull(s.Affiliation), s.AffiliationForIdentificationOnly,
            TextRules.TrimToNull(s.Email)?.ToLowerInvariant(), letter.VersionIn(language), command.By, at, command.Source,
            AwaitingApproval: isPublic && letter.PublicSignOnNeedsApproval,
            FamilyName: s.Kind == SignatoryKind.Individual ? TextRules.TrimToNull(s.FamilyName) : null,
            SignedOn: isPublic ? null : s.SignedOn, Language: language);
        return new(isPublic ? Received : new SignOutcome(SignatoryView.From(Signature.Create(added), letter), true, null), added);
    }

    private static Decision Reject(string detail) => new(new SignOutcome(null, false, Problems.Conflict(detail)), null);
}
