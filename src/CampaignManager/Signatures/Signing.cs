using CampaignManager.Hosting;
using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>The pure decision behind a sign-on: what to answer and which event, if any, to record.</summary>
public static class Signing
{
    public record Decision(SignOutcome Outcome, object? Event);

    public static Decision Decide(Letter? letter, Signature? existing, SignLetter command, Guid newId, DateTimeOffset at)
    {
        if (letter is null)
            return new(new SignOutcome(null, false, Problems.NotFound("Letter", command.LetterId)), null);
        if (letter.Status != LetterStatus.Open)
            return Reject($"The letter is {letter.Status.ToString().ToLowerInvariant()}; signatures are only accepted while it is open.");
        if (letter.SignatureDeadline is { } deadline && at > deadline)
            return Reject($"The sign-on deadline {deadline:u} has passed.");

        // A repeat changes nothing, whether the first sign-on counts yet, waits for approval or was turned down.
        if (existing is { Status: SignatureStatus.Active or SignatureStatus.AwaitingApproval or SignatureStatus.Rejected })
            return new(new SignOutcome(SignatoryView.From(existing, letter.TextVersion), false, null), null);
        if (existing is { Status: SignatureStatus.Withdrawn })
        {
            var renewed = new SignatureRenewed(existing.Id, letter.Id, letter.TextVersion, command.By, at);
            existing.Apply(renewed);
            return new(new SignOutcome(SignatoryView.From(existing, letter.TextVersion), false, null), renewed);
        }

        var s = command.Signatory;
        var added = new SignatureAdded(newId, letter.Id, s.Kind!.Value, s.Name.Trim(), DraftLetterEndpoint.Blank(s.Title),
            DraftLetterEndpoint.Blank(s.Affiliation), s.AffiliationForIdentificationOnly,
            DraftLetterEndpoint.Blank(s.Email)?.ToLowerInvariant(), letter.TextVersion, command.By, at, command.Source,
            AwaitingApproval: command.Source == SignatureSource.Public && letter.PublicSignOnNeedsApproval);
        return new(new SignOutcome(SignatoryView.From(Signature.Create(added), letter.TextVersion), true, null), added);
    }

    private static Decision Reject(string detail) => new(new SignOutcome(null, false, Problems.Conflict(detail)), null);
}
