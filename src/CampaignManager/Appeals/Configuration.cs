using CampaignManager.Appeals.Delivery;
using Microsoft.Extensions.Options;

namespace CampaignManager.Appeals;

public static class Configuration
{
    /// <summary>SMTP delivery of appeal emails: <see cref="SmtpSettings"/> from section <c>Smtp</c> and the resilient <see cref="EmailSender"/>.</summary>
    public static IServiceCollection AddAppealDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmtpSettings>()
            .Bind(configuration.GetSection(SmtpSettings.Section))
            .ValidateDataAnnotations()
            // a bad From or pipeline number should stop the host at startup, not fail the first appeal
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpSettings>, SmtpSettingsValidation>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<EmailSender>());
        return services;
    }
}
