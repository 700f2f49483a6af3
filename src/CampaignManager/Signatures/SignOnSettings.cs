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

    public static IServiceCollection AddSignOnSettings(IServiceCollection services)
    {
        services.AddOptions<SignOnSettings>().BindConfiguration(Section)
            .Validate(s => s.ConfirmationExpiry > TimeSpan.Zero, "SignOn:ConfirmationExpiry must be positive")
            .ValidateOnStart();
        return services;
    }
}
