namespace CampaignManager.Signatures;

/// <summary>Section <c>SignOn</c>: what the public sign-on asks of signers.</summary>
public sealed class SignOnSettings
{
    public const string Section = "SignOn";
    public static readonly TimeSpan DefaultConfirmationExpiry = TimeSpan.FromDays(7);

    /// <summary>
    /// How long a public signer has to follow the confirmation link on a letter that asks for a confirmed email; the
    /// unconfirmed signature then expires (the deadline sweep, Hosting/DeadlineSweep, finds it by TimeProvider).
    /// </summary>
    public TimeSpan ConfirmationExpiry { get; set; } = DefaultConfirmationExpiry;

    /// <summary>
    /// What a public signer agrees to by ticking the box; recorded word for word with <see cref="ConsentVersion"/> and
    /// the moment on each signature. Change the version whenever the text changes.
    /// </summary>
    public string ConsentText { get; set; } =
        "I agree that my name, and my title and affiliation if I give them, are published with this letter and sent to " +
        "the people it is addressed to, and that the organizers keep my email address to contact me about this letter only.";

    public string ConsentVersion { get; set; } = "1";

    /// <summary>
    /// Erase signers' emails on letters finalized more than this many months ago (see <see cref="EraseSignerEmail"/>);
    /// unset keeps them for as long as the letter.
    /// </summary>
    public int? EmailRetentionMonths { get; set; }

    public static IServiceCollection AddSignOnSettings(IServiceCollection services)
    {
        services.AddOptions<SignOnSettings>().BindConfiguration(Section)
            .Validate(s => s.ConfirmationExpiry > TimeSpan.Zero, "SignOn:ConfirmationExpiry must be positive")
            .Validate(s => !string.IsNullOrWhiteSpace(s.ConsentText) && !string.IsNullOrWhiteSpace(s.ConsentVersion),
                "SignOn:ConsentText and SignOn:ConsentVersion must not be empty")
            .Validate(s => s.EmailRetentionMonths is null or > 0, "SignOn:EmailRetentionMonths must be positive, or unset to keep emails")
            .ValidateOnStart();
        return services;
    }
}
