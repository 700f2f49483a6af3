using Microsoft.Extensions.Logging.Console;

namespace CampaignManager.Hosting;

/// <summary>
/// One JSON object per line where logs are collected (anything but Development), readable lines at a developer's
/// terminal. Logging:Console:FormatterName ("json", "simple" or "systemd") overrides the environment's choice.
/// </summary>
public static class ConsoleLogs
{
    public const string FormatterSetting = "Logging:Console:FormatterName";

    public static void AddConsoleLogs(this WebApplicationBuilder builder)
    {
        var formatter = builder.Configuration[FormatterSetting]
                        ?? (builder.Environment.IsDevelopment() ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        switch (formatter.ToLowerInvariant())
        {
            case ConsoleFormatterNames.Json:
                builder.Logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                });
                break;
            case ConsoleFormatterNames.Systemd:
                builder.Logging.AddSystemdConsole();
                break;
            default:
                builder.Logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                });
                break;
        }
    }
}
