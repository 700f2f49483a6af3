using Microsoft.Extensions.Logging.Console;
using Spectre.Console;

namespace CampaignManager.Hosting;

/// <summary>
/// One JSON object per line where logs are collected (a container, a service manager, a file: output that is not a
/// terminal), readable lines where a person watches (Development, or `dotnet run` at a terminal, where the first
/// start prints its sign-in link between the log lines). Logging:Console:FormatterName ("json", "simple" or
/// "systemd") overrides the choice.
/// </summary>
public static class ConsoleLogs
{
    public const string FormatterSetting = "Logging:Console:FormatterName";

    public static void AddConsoleLogs(this WebApplicationBuilder builder, string[] args)
    {
        // ASP.NET Core writes five Information lines for every request (starting, endpoint, result, executed, finished):
        // on the sign-on surge (issue #11) they raised the app's CPU per sign-on from 1.1 to 1.9 ms. The template's
        // appsettings.json caps them at Warning; this app ships none, so do the same unless
        // Logging:LogLevel:Microsoft.AspNetCore says otherwise.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var formatter = builder.Configuration[FormatterSetting]
                        ?? (builder.Environment.IsDevelopment() || AtATerminal() ? ConsoleFormatterNames.Simple : ConsoleFormatterNames.Json);
        switch (formatter.ToLowerInvariant())
        {
            case ConsoleFormatterNames.Json:
                // JasperFx greets every start with "Searching '<assembly>' for commands" on standard output, which would
                // be the only lines a collector cannot parse; while the app runs, its console chatter goes to stderr
                if (CommandLine.Verb(args) == CommandLine.Run)
                    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
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

    private static bool AtATerminal() =>
        !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("DOTNET_RUNNING_IN_CONTAINER") != "true";
}
