using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

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
    /// What a public signer agrees to by ticking the box, recorded word for word with <see cref="ConsentVersion"/> and
    /// the moment on each signature, in the language the page spoke (<see cref="ConsentFor"/>). Unset, each language
    /// shows the built-in wording of Signatures/PublicSignOnText.*.resx ("ConsentDefault"); set, this one text is shown
    /// in every language that has no text of its own in <see cref="ConsentTexts"/>.
    /// </summary>
    public string? ConsentText { get; set; }

    /// <summary>The organization's own wording per page language ("fr" → SignOn:ConsentTexts:fr), over <see cref="ConsentText"/>.</summary>
    public Dictionary<string, string> ConsentTexts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One version for the consent in every language: change it whenever any language's wording changes.</summary>
    public string ConsentVersion { get; set; } = "1";

    private static readonly IStringLocalizer Builtin = new ResourceManagerStringLocalizerFactory(
        Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance).Create(typeof(PublicSignOnText));

    /// <summary>The consent shown to, and recorded for, a signer whose page speaks <paramref name="ui"/>.</summary>
    public (string Text, string Version) ConsentFor(CultureInfo ui) =>
        (ConsentTexts.TryGetValue(ui.Name, out var own) ? own
            : ConsentText ?? Hosting.Localization.In(ui, () => Builtin["ConsentDefault"].Value), ConsentVersion);

    /// <summary>
    /// Erase signers' emails on letters finalized more than this many months ago (see <see cref="EraseSignerEmail"/>);
    /// unset keeps them for as long as the letter.
    /// </summary>
    public int? EmailRetentionMonths { get; set; }

    public static IServiceCollection AddSignOnSettings(IServiceCollection services)
    {
        services.AddOptions<SignOnSettings>().BindConfiguration(Section)
            .Validate(s => s.ConfirmationExpiry > TimeSpan.Zero, "SignOn:ConfirmationExpiry must be positive")
            .Validate(s => s.ConsentText is null || !string.IsNullOrWhiteSpace(s.ConsentText), "SignOn:ConsentText must not be empty when set")
            .Validate(s => s.ConsentTexts.Values.All(t => !string.IsNullOrWhiteSpace(t)), "SignOn:ConsentTexts must not hold an empty text")
            .Validate(s => !string.IsNullOrWhiteSpace(s.ConsentVersion), "SignOn:ConsentVersion must not be empty")
            .Validate(s => s.EmailRetentionMonths is null or > 0, "SignOn:EmailRetentionMonths must be positive, or unset to keep emails")
            .ValidateOnStart();
        return services;
    }
}
