using CampaignManager.Tests.Appeals;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// One real app and one real browser for the browser tests, so they run in parallel with the rest and pay for
/// Chromium's start only once.
/// </summary>
[CollectionDefinition(Name)]
public class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// The built CampaignManager.dll run as its own process on a free loopback port over a fresh database (a browser
/// needs a real TCP port, which Alba's in-memory host does not have), with the production Program unchanged, and
/// Debian's Chromium driven by Playwright through its explicit executable path (Playwright's own browser download
/// cannot work here). Tests get pages from <see cref="NewPageAsync"/> and drive the app's API through <see cref="Api"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(90);
    private AppProcess? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private HttpClient? _http;
    private string? _signedInState;

    /// <summary>The staff account the browser pages act as (an editor), signed in through the real sign-in page.</summary>
    public const string StaffLogin = "browser.editor";

    public Uri BaseAddress => _app!.BaseAddress;

    /// <summary>A real SMTP server the app sends through, so a test can follow a link from an email it received.</summary>
    public SmtpServerFixture Smtp { get; } = new();
    public BrowserApi Api { get; private set; } = null!;

    /// <summary>&lt;repository&gt;/artifacts/screenshots, where the key pages are saved for people to look at.</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"The browser tests drive Debian's Chromium at {ChromiumPath}, which is not installed. " +
                "Install it with: apt-get install -y chromium (deploy/test.sh does this when run as root).");

        try
        {
            await StartAsync();
        }
        catch
        {
            // a half-started fixture must not leave the app process running; DisposeAsync may then run again, harmlessly
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var database = await TestDatabase.CreateDatabaseAsync("cmbrowser");
        await Smtp.InitializeAsync();
        // Outside Development the built app serves static files from <content root>/wwwroot, which only a publish
        // creates; point it at the source wwwroot so pages are seen with their stylesheet, as users see them.
        _app = AppProcess.Start([
            new("ConnectionStrings:Marten", database), new("Seeds:LoadOnStart", "false"),
            new("ASPNETCORE_WEBROOT", Path.Combine(RepositoryRoot(), "src", "CampaignManager", "wwwroot")),
            .. AppealsFixture.SettingsFor(Smtp)
        ]);
        await _app.WaitUntilReadyAsync(Startup);
        _http = _app.Client();
        Api = new BrowserApi(_http);

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath, Headless = true, Timeout = 60_000,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"]
        });
        Assertions.SetDefaultExpectTimeout(15_000);
        Directory.CreateDirectory(ScreenshotFolder);
        _signedInState = await SignInAsync();
    }

    /// <summary>
    /// Makes an editor account through the admin API (as the bootstrap admin) and signs in once through /signin; every
    /// page then starts from that browser state, so each test pays for one page load, not a sign-in.
    /// </summary>
    private async Task<string> SignInAsync()
    {
        var password = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        await Api.PostForIdAsync("/api/staff/accounts", new { login = StaffLogin, role = "editor", password });
        await using var context = await _browser!.NewContextAsync(new() { BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin");
        await page.GetByLabel("User name").FillAsync(StaffLogin);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/signin"));
        return await context.StorageStateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _http?.Dispose();
        _app?.Dispose();
        (_browser, _playwright, _http, _app) = (null, null, null, null);
        await Smtp.DisposeAsync();
    }

    /// <summary>
    /// A page in a context of its own (cookies, viewport, JavaScript on or off), recording any dialog it opens; signed
    /// in as <see cref="StaffLogin"/> unless <paramref name="signedIn"/> is false (the public page's visitors). With
    /// <paramref name="bypassCsp"/> the page ignores the Content-Security-Policy, so an XSS test proves the pages' own
    /// encoding rather than the policy that would otherwise hide a hole.
    /// </summary>
    public async Task<BrowserPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true, bool signedIn = true,
        bool bypassCsp = false)
    {
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), JavaScriptEnabled = javaScript, ViewportSize = new() { Width = width, Height = height },
            StorageState = signedIn ? _signedInState : null, BypassCSP = bypassCsp
        });
        // Upper bounds, not waits: a missing element fails with a clear locator message well before the suite's limit,
        // while a page on a busy two-core CI machine still gets time to load (the API docs parse megabytes of script).
        context.SetDefaultTimeout(15_000);
        context.SetDefaultNavigationTimeout(45_000);
        // the pages must work offline: anything fetched from another host is refused at once (and recorded) rather
        // than left to a network that CI machines do not have
        var page = new BrowserPage(context, await context.NewPageAsync());
        var origin = BaseAddress.GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.OrdinalIgnoreCase) && !url.StartsWith("data:"),
            async route =>
            {
                page.RecordExternalRequest(route.Request.Url);
                await route.AbortAsync();
            });
        return page;
    }

    /// <summary>The app's recent output, for a failure message.</summary>
    public string AppOutput => _app?.Output ?? "";

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CampaignManager.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"CampaignManager.sln not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>A page with its own browser context; records dialogs (alert, confirm, prompt) so XSS tests can assert none opened.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _dialogs = [];
    private readonly List<string> _external = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            lock (_dialogs) _dialogs.Add($"{dialog.Type}: {dialog.Message} on {page.Url}");
            if (AcceptConfirms && dialog.Type == "confirm") await dialog.AcceptAsync();
            else await dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>
    /// Off by default, so every dialog is dismissed. A test that clicks the staff UI's own confirmed actions
    /// (Close signatures, Finalize) turns it on: confirm dialogs are then accepted, and still recorded for it to check.
    /// </summary>
    public bool AcceptConfirms { get; set; }

    public IReadOnlyList<string> Dialogs { get { lock (_dialogs) return [.. _dialogs]; } }

    /// <summary>Requests the page made to other hosts; they were refused.</summary>
    public IReadOnlyList<string> ExternalRequests { get { lock (_external) return [.. _external]; } }

    internal void RecordExternalRequest(string url) { lock (_external) _external.Add(url); }

    /// <summary>Opens a path and returns the response, so a test can check the status as well as what is shown.</summary>
    public async Task<IResponse> GoToAsync(string path)
    {
        var response = await Page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        return response ?? throw new InvalidOperationException($"no response for {path}");
    }

    /// <summary>Saves a screenshot (the whole page unless told) as artifacts/screenshots/&lt;name&gt;.png and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name, bool fullPage = true)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, $"{name}.png");
        await Page.ScreenshotAsync(new() { Path = path, FullPage = fullPage });
        return path;
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
