namespace CampaignManager.Tests.Appeals;

/// <summary>
/// The built app as its own process in Solo mode over a database and SMTP server of its own, started again on the same
/// database after a kill: what the crash tests share. Every process started is disposed with the test.
/// </summary>
public abstract class RestartedApp : IAsyncLifetime
{
    private readonly List<AppProcess> _apps = [];

    protected SmtpServerFixture Smtp { get; } = new();

    public virtual Task InitializeAsync() => Smtp.InitializeAsync();

    public virtual async Task DisposeAsync()
    {
        foreach (var app in _apps) app.Dispose();
        await Smtp.DisposeAsync();
    }

    protected async Task<AppProcess> StartAppAsync(string database)
    {
        var settings = AppealsFixture.SettingsFor(Smtp).Append(new("ConnectionStrings:Marten", database)).Append(new("Wolverine:Solo", "true"));
        var app = AppProcess.Start(settings);
        _apps.Add(app);
        await app.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        return app;
    }

    protected static async Task<Guid> PostForIdAsync(HttpClient http, string url, object body)
    {
        var response = await http.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Targets.IdBody>())!.Id;
    }
}
