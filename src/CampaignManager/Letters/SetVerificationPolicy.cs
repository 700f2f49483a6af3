namespace CampaignManager.Letters;

/// <summary>
/// What a signature from the public page needs before it counts: a confirmed email (the signer follows a personal link
/// sent to the address they gave), staff approval, both, or neither. Either part left out keeps its current setting.
/// It supersedes <see cref="SetPublicSignOnApproval"/>, which still sets the approval part alone.
/// </summary>
public record SetVerificationPolicy(bool? ConfirmedEmail = null, bool? StaffApproval = null);

public static class SetVerificationPolicyEndpoint
{
    public static ProblemDetails Validate(SetVerificationPolicy command, Letter letter)
    {
        if (command is { ConfirmedEmail: null, StaffApproval: null })
            return Problems.Validation(new FieldErrors()
                .Add("confirmedEmail", "give confirmedEmail, staffApproval or both (true or false)")
                .Add("staffApproval", "give confirmedEmail, staffApproval or both (true or false)"));
        // a final block never changes, so what it would have needed no longer matters
        return LetterRules.MustBe(letter, "changed", LetterStatus.Draft, LetterStatus.Open, LetterStatus.Closed);
    }

    /// <summary>
    /// A change applies to sign-ons from now on: a signature already waiting keeps the terms it was given, so nobody's
    /// pending signature starts or stops counting behind their back. Setting what is already set records nothing.
    /// </summary>
    public static IEnumerable<object> Decide(Letter letter, SetVerificationPolicy command, string by, DateTimeOffset at)
    {
        var email = command.ConfirmedEmail ?? letter.PublicSignOnNeedsEmailConfirmation;
        var approval = command.StaffApproval ?? letter.PublicSignOnNeedsApproval;
        if (email != letter.PublicSignOnNeedsEmailConfirmation || approval != letter.PublicSignOnNeedsApproval)
            yield return new VerificationPolicySet(letter.Id, email, approval, by, at);
    }

    [WolverinePost("/api/letters/{id}/verification-policy", Name = "SetVerificationPolicy")]
    [EndpointSummary("What a public signature needs to count: a confirmed email, staff approval, both or neither")]
    [Tags("Signatures")]
    public static (LetterState, Events) Post(SetVerificationPolicy command, [WriteAggregate] Letter letter,
        HttpContext context, TimeProvider clock) =>
        (LetterRules.StateAfter(letter, letter.Status), new Events(Decide(letter, command, context.User.ActorName(), clock.GetUtcNow())));
}
