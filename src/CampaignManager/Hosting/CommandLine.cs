namespace CampaignManager.Hosting;

/// <summary>What JasperFx will do with the arguments, known before the host is built.</summary>
public static class CommandLine
{
    public const string Run = "run";

    /// <summary>The first argument unless it is an option (<c>--urls ...</c>), else <c>run</c>: JasperFx's own rule.</summary>
    public static string Verb(string[] args) =>
        args.Length > 0 && !args[0].StartsWith('-') ? args[0].ToLowerInvariant() : Run;
}
