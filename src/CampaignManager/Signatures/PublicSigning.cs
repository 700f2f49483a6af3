using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>
/// What the public page adds to a sign-on beyond the staff one: the confirmation window from settings, and, once the
/// sign-on committed, the email with the signer's personal links (a durable message, so a relay that is away delays it
/// and loses nothing).
/// </summary>
public sealed class PublicSigning(IOptions<SignOnSettings> settings, IMessageBus bus)
{
    public SignOnSettings Settings => settings.Value;

    /// <summary><paramref name="ui"/>: the language the form spoke, whose consent wording the signer agreed to.</summary>
    public SignLetter Command(Guid letterId, AddSignatory signatory, string by, CultureInfo ui) =>
        new(letterId, signatory, by, SignatureSource.Public)
        {
            ConfirmationWindow = settings.Value.ConfirmationExpiry,
            Consent = settings.Value.ConsentFor(ui)
        };

    /// <summary>What the public form's fields sign as, from the page or a partner's form: an organization has no affiliation or family name.</summary>
    public static AddSignatory Signatory(bool organization, string? name, string? title, string? affiliation, bool identificationOnly,
        string? email, string? familyName, string? language, bool nameWithheld, bool nameAfterPublication) =>
        new(organization ? SignatoryKind.Organization : SignatoryKind.Individual, name ?? "", title, organization ? null : affiliation,
            !organization && identificationOnly, email, organization ? null : familyName, Language: language,
            NameWithheld: nameWithheld, NameAfterPublication: nameAfterPublication);

    public const string ConsentNeeded = "is required: tick the box to agree, or the signature cannot be recorded";

    /// <summary>The staff command's rules, then what only the public form asks: the consent box, and an email when the letter confirms one.</summary>
    public static ProblemDetails Validate(Letter letter, AddSignatory command, bool consented)
    {
        var errors = AddSignatoryEndpoint.Validate(command) is HttpValidationProblemDetails invalid
            ? invalid.Errors.Aggregate(new FieldErrors(), (all, e) => e.Value.Aggregate(all, (a, m) => a.Add(e.Key, m)))
            : new FieldErrors();
        errors.When(!consented, "consent", ConsentNeeded)
            .When(letter.PublicSignOnNeedsEmailConfirmation && string.IsNullOrWhiteSpace(command.Email), "email", Signing.EmailNeeded);
        return Problems.Validation(errors);
    }

    public async Task AfterAsync(SignOutcome outcome, Letter letter, HttpRequest request)
    {
        if (outcome is { Problem: null, Mail: { } mail })
            await bus.PublishAsync(new EmailSigner(mail.SignatureId, letter.Id, mail.Round, $"{request.Scheme}://{request.Host}"));
    }

    /// <summary>
    /// What the public page says counts on this letter, as the key of that sentence among the page's strings
    /// (PublicSignOnText "WhatCounts_…"), so it is said in the page's language.
    /// </summary>
    public static string WhatCountsKey(Letter letter) => (letter.PublicSignOnNeedsEmailConfirmation, letter.PublicSignOnNeedsApproval) switch
    {
        (true, true) => "WhatCounts_EmailAndApproval",
        (true, false) => "WhatCounts_Email",
        (false, true) => "WhatCounts_Approval",
        _ => "WhatCounts_Every",
    };
}
