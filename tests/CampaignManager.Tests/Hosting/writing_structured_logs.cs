using CampaignManager.Tests.Appeals;
namespace CampaignManager.Tests.Hosting;

/// <summary>
/// The built app as a log collector sees it: its console is a pipe, not a terminal, so every line must be a JSON
/// object a collector can parse, with the level, the category and the message's own fields.
/// </summary>
public class writing_structured_logs
{
    [Fact]
    public async Task a_process_whose_console_is_not_a_terminal_writes_one_json_object_per_line()
    {
        var database = await TestDatabase.CreateDatabaseAsync("logs");
        using var app = AppProcess.Start([
            new("ConnectionStrings:Marten", database), new("Seeds:LoadOnStart", "false"),
            // AppProcess quiets everything to warnings; the host's own start-up lines are enough to read
            new("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Information")
        ]);
        await app.WaitUntilReadyAsync(TimeSpan.FromMinutes(2));

        var lines = app.StandardOutput.Where(line => line.Length > 0).ToList();
        lines.ShouldNotBeEmpty();
        lines.Where(line => !line.StartsWith('{')).ShouldBeEmpty("every line is a log entry, not free text");
        var entries = lines.Select(line => JsonDocument.Parse(line).RootElement).ToList();
        foreach (var entry in entries)
        {
            entry.GetProperty("LogLevel").GetString().ShouldNotBeNullOrEmpty();
            entry.GetProperty("Category").GetString().ShouldNotBeNullOrEmpty();
        }
        var listening = entries.First(e => e.GetProperty("Message").GetString()!.StartsWith("Now listening on"));
        listening.GetProperty("State").GetProperty("address").GetString().ShouldBe(app.BaseAddress.ToString().TrimEnd('/'));
    }
}
