using CampaignManager.Tests.Appeals;
using System.Diagnostics;

namespace CampaignManager.Tests.Hosting;

/// <summary>
/// Runs the built app with JasperFx command-line arguments (db-apply, db-assert, ...) exactly as an operator would,
/// in the Production environment, and returns its exit code and everything it printed.
/// </summary>
public static class AppCommand
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] arguments)
    {
        var dll = AppProcess.BuiltApp();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["ConnectionStrings__Marten"] = connectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{string.Join(' ', arguments)}' did not finish within 3 minutes: {await output}{await error}");
        }
        return (process.ExitCode, await output + await error);
    }
}
