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
        var confirmBy = isPublic && letter.PublicSignOnNeedsEmailConfirmation ? at + command.ConfirmationWindow : (DateTimeOffset?)null;
        if (confirmBy is not null && string.IsNullOrWhiteSpace(command.Signatory.Email))
            return new(new SignOutcome(null, false, Problems.Validation(new FieldErrors().Add("email", EmailNeeded))), null);
        switch (existing)
        {
            // A repeat changes nothing, whether the first sign-on counts yet, waits for approval or was turned down.
            case { Status: SignatureStatus.Active or SignatureStatus.AwaitingApproval }:
            case { Status: SignatureStatus.Rejected } when isPublic:
                return new(isPublic ? Received : new SignOutcome(SignatoryView.From(existing, letter), false, null), null);
            // Signing again while the confirmation waits is how a signer asks for a lost email: it is sent again, to the
            // address on file only, at most once per ResendAfter, so typing someone's name cannot flood their inbox.
            case { Status: SignatureStatus.AwaitingEmailConfirmation } when isPublic:
                // the last round emailed, or the sign-on itself while its email is still on the queue
                return new(existing.Email is not null && at - (existing.SignerEmailRound ?? existing.SignedAt) >= ResendAfter
                    ? Mailed(new SignerMail(existing.Id, at)) : Received, null);
            case { Status: SignatureStatus.AwaitingEmailConfirmation }:
                return new(new SignOutcome(SignatoryView.From(existing, letter), false, null), null);
            // The confirmation goes to the address on file, never to one a stranger typed: with none on file it cannot
            // be confirmed, so nothing is recorded and the visitor is told what everyone is told.
            case { Status: SignatureStatus.Withdrawn or SignatureStatus.Expired, Email: null } when confirmBy is not null:
                return new(Received, null);
            case { Status: SignatureStatus.Withdrawn or SignatureStatus.Expired }:
            {
                // A withdrawal was deliberate; a stranger who types that name on the public page must not undo it, so a
                // public renewal waits for staff whatever the letter's approval setting. A signature that merely expired
                // unconfirmed was never counted: signing again meets the letter's terms as a first sign-on would. It stands on
                // the current text in the language first signed: a renewal is the same signature again, not a new choice of text.
                var approval = isPublic && (existing.Status == SignatureStatus.Withdrawn || letter.PublicSignOnNeedsApproval);
                var renewed = new SignatureRenewed(existing.Id, letter.Id, letter.VersionIn(existing.Language), command.By, at, AwaitingApproval: approval,
                    ConfirmEmailBy: confirmBy, Consent: ConsentOf(command, at));
                existing.Apply(renewed);
                return new(isPublic ? Mailed(existing.Email is null ? null : new SignerMail(existing.Id, at))
                    : new SignOutcome(SignatoryView.From(existing, letter), false, null), renewed);
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
            SignedOn: isPublic ? null : s.SignedOn, Language: language, ConfirmEmailBy: confirmBy, Consent: ConsentOf(command, at),
            NameWithheld: s.NameWithheld, NameAfterPublication: s.NameAfterPublication && !s.NameWithheld,
            OrganizationDomain: AtDomain(TextRules.TrimToNull(s.Email), command.OrganizationDomain), PartnerId: command.Partner, Collation: letter.Collation);
        return new(isPublic ? Mailed(added.Email is null ? null : new SignerMail(newId, at)) : new SignOutcome(SignatoryView.From(Signature.Create(added), letter), true, null), added);
    }

    /// <summary>The domain, when the email is an address there (exactly: "hrw.org.evil.example" is not "hrw.org").</summary>
    public static string? AtDomain(string? email, string? domain) =>
        email is not null && domain is not null && email.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase) ? domain : null;

    private static SignerConsent? ConsentOf(SignLetter command, DateTimeOffset at) =>
        command.Consent is { } c ? new SignerConsent(c.Text, c.Version, at) : null;

    /// <summary>How soon a signer who signs again is sent their confirmation email again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(10);

    public const string EmailNeeded = "is required: this letter counts a signature once its email is confirmed";

    /// <summary>The neutral answer, carrying (for the server only) whom to email their personal links.</summary>
    private static SignOutcome Mailed(SignerMail? mail) => mail is null ? Received : Received with { Mail = mail };

    private static Decision Reject(string detail) => new(new SignOutcome(null, false, Problems.Conflict(detail)), null);
}
