using CampaignManager.Tests.Appeals;
namespace CampaignManager.Tests.Browser;

/// <summary>
/// One real data set with <see cref="XssPayloads"/> in every text field the staff API takes, built once so each page
/// can be visited once: a field that takes long text gets all twenty payloads; a short one gets one payload per
/// record (twenty signers, targets, campaigns, organizations, staff accounts) or, where there is one record (the
/// letter's title), a share of them per text version. Everything goes in as the bootstrap admin, except a revision
/// and an outcome, recorded by an admin whose login is itself a payload, so "who" columns carry one too.
/// </summary>
public sealed partial class XssDataSet(BrowserFixture browser) : IDisposable
{
    private static readonly IReadOnlyList<string> P = XssPayloads.All;
    /// <summary>The admin the browser signs in as; its login is the attribute breakout, shown in every staff page's header.</summary>
    public const int ActorIndex = 3;
    private readonly HttpClient _admin = Client(browser, AppProcess.BootstrapToken);
    private HttpClient _actor = null!;
    private readonly List<Guid> _targets = [];
    private readonly List<Guid> _lists = [];

    public Guid Letter { get; private set; }
    public string PublicPath { get; private set; } = "";
    /// <summary>A moment between the second and the third text version, for the history's as-of view.</summary>
    public DateTimeOffset AsOf { get; private set; }
    public IReadOnlyList<string> Titles { get; } = XssPayloads.Chunks(300);
    public Guid Appeal { get; private set; }
    public Guid Campaign { get; private set; }
    public Guid Target => _targets[0];
    public Guid Organization { get; private set; }
    public string SignInPath { get; private set; } = "";
    /// <summary>Fields whose own rules refused a payload with 400: such a value is never stored, so never shown.</summary>
    public List<string> Refused { get; } = [];

    /// <summary>Everything but the public sign-ons (made through the page) and the appeal (which needs a final letter).</summary>
    public async Task BuildAsync()
    {
        await StaffAsync();
        await TargetsAsync();
        await LetterAsync();
        await CampaignsAsync();
        await OrganizationsAsync();
    }

    private async Task StaffAsync()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < P.Count; i++)
            ids.Add(await IdAsync("/api/staff/accounts", new { login = P[i], role = i == ActorIndex ? "admin" : "viewer" }));
        var actor = ids[ActorIndex];
        string? token = null;
        foreach (var p in P) token ??= (await PostAsync($"/api/staff/accounts/{actor}/tokens", new { name = p })).GetProperty("token").GetString();
        _actor = Client(browser, token!);
        var link = (await PostAsync($"/api/staff/accounts/{actor}/sign-in-link", new { })).GetProperty("url").GetString()!;
        SignInPath = new Uri(link).PathAndQuery;
    }

    private async Task LetterAsync()
    {
        var subjects = XssPayloads.Chunks(500);
        var addressees = P.Select(p => new { name = p, title = p, organization = p, address = p }).ToArray();
        Letter = await IdAsync("/api/letters", new { title = Titles[0], subject = subjects[0], body = Body(1), closing = subjects[0], addressees });
        for (var v = 2; v <= Titles.Count; v++)
        {
            var subject = subjects[(v - 1) % subjects.Count];
            await PostAsync($"/api/letters/{Letter}/revisions", new
            {
                title = Titles[v - 1], subject, body = Body(v), closing = subject, note = XssPayloads.Joined(" "), basedOnVersion = v - 1
            }, v == 2 ? _actor : _admin);
            if (v == 2) AsOf = DateTimeOffset.UtcNow;
        }
        // public sign-ons wait for approval, so one can be approved, one rejected and one left waiting
        await PostAsync($"/api/letters/{Letter}/public-sign-on-approval", new { required = true });
        await PostAsync($"/api/letters/{Letter}/open", new { });
        PublicPath = (await browser.Api.LetterAsync(Letter)).PublicSignOnUrl!;

        for (var i = 0; i < P.Count; i++)
        {
            await PostAsync($"/api/letters/{Letter}/signatures", new { kind = "organization", name = P[i] });
            await PostAsync($"/api/letters/{Letter}/signatures", new
            {
                kind = "individual", name = P[i], title = P[i], affiliation = P[i], affiliationForIdentificationOnly = i % 2 == 0
            });
        }
        foreach (var name in XssPayloads.Chunks(300))
        {
            var signature = (await PostAsync($"/api/letters/{Letter}/signatures", new { kind = "individual", name })).GetProperty("id").GetGuid();
            await PostAsync($"/api/letters/{Letter}/signatures/{signature}/withdraw", new { reason = XssPayloads.Joined(" ") });
        }
        // an email must be a valid address, which a payload in a quoted local part may or may not be: either way is safe
        await AcceptedOrRefusedAsync("signature email", $"/api/letters/{Letter}/signatures",
            new { kind = "individual", name = "Email probe", email = $"\"{P[1]}\"@example.org" });
    }

    /// <summary>The public sign-ons: the first approved, the second rejected with a reason, the third left waiting.</summary>
    public async Task ReviewPublicSignOnsAsync()
    {
        var waiting = (await browser.Api.LetterAsync(Letter)).AwaitingApproval;
        Guid Named(string name) => waiting.Single(s => s.Name == name).Id;
        await PostAsync($"/api/letters/{Letter}/signatures/{Named(XssPublicSignOn.Names[0])}/approve", new { });
        await PostAsync($"/api/letters/{Letter}/signatures/{Named(XssPublicSignOn.Names[1])}/reject", new { reason = XssPayloads.Joined(" ") });
    }

    private static string Body(int version) => XssPayloads.Joined() + (version > 1 ? $"\n\nText version {version}." : "");

    private static HttpClient Client(BrowserFixture browser, string token)
    {
        var client = new HttpClient { BaseAddress = browser.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<JsonElement> PostAsync(string path, object body, HttpClient? client = null)
    {
        using var response = await (client ?? _admin).PostAsJsonAsync(path, body, AppProcess.Json);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<Guid> IdAsync(string path, object body, HttpClient? client = null) =>
        (await PostAsync(path, body, client)).GetProperty("id").GetGuid();

    private async Task AcceptedOrRefusedAsync(string field, string path, object body)
    {
        using var response = await _admin.PostAsJsonAsync(path, body, AppProcess.Json);
        if (response.StatusCode == HttpStatusCode.BadRequest) Refused.Add(field);
        else response.IsSuccessStatusCode.ShouldBeTrue($"{field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose()
    {
        _admin.Dispose();
        _actor?.Dispose();
    }
}
