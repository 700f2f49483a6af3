using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Logging.Abstractions;

namespace CampaignManager.Hosting.Email;

/// <summary>
/// Builds the delivery pipeline once from the configured numbers, so a value Polly refuses (a break duration under
/// half a second, a zero retry count...) stops the host at startup with Polly's own explanation.
/// </summary>
internal sealed class SmtpSettingsValidation : IValidateOptions<SmtpSettings>
{
    public ValidateOptionsResult Validate(string? name, SmtpSettings options)
    {
        if (options.HasCredentials && options.Security == SmtpSecurity.None)
            return ValidateOptionsResult.Fail(
                $"{SmtpSettings.Section}:Security is None but {SmtpSettings.Section}:UserName and Password are set: the password and " +
                $"every appeal would cross the network unencrypted. Set {SmtpSettings.Section}:Security to Auto, StartTls or Tls.");
        try
        {
            EmailSender.BuildPipeline(options.Resilience, TimeProvider.System, NullLogger.Instance);
            return ValidateOptionsResult.Success;
        }
        catch (ValidationException e)
        {
            return ValidateOptionsResult.Fail($"{SmtpSettings.Section}:Resilience is invalid: {e.Message}");
        }
    }
}
