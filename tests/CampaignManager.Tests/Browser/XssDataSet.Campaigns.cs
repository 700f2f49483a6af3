using CampaignManager.Tests.Appeals;
namespace CampaignManager.Tests.Browser;

/// <summary>The data set's targets, lists, campaigns, outcome, organizations and the appeal with its responses.</summary>
public sealed partial class XssDataSet
{
    /// <summary>A link that passes the http(s) rule but tries to break out of the href it is put into.</summary>
    private static string BreakoutLink(int i) => $"https://{XssPayloads.EvilHost}/r{i}\"><script>alert({i + 1})</script>";

    private async Task TargetsAsync()
    {
        foreach (var p in P)
            _targets.Add(await IdAsync("/api/targets", new { name = p, title = p, organization = p, address = p, country = p, tags = new[] { p } }));
        await AcceptedOrRefusedAsync("target email", "/api/targets", new { name = "Email probe", email = $"\"{P[1]}\"@example.org" });
        foreach (var name in XssPayloads.Chunks(200))
            _lists.Add(await IdAsync("/api/target-lists", new { name, description = XssPayloads.Joined(" "), targetIds = _targets }));
    }

    private async Task CampaignsAsync()
    {
        var campaigns = new List<Guid>();
        foreach (var p in P) campaigns.Add(await IdAsync("/api/campaigns", new { name = p, goal = p, venue = p }));
        Campaign = campaigns[0];
        await PostAsync($"/api/campaigns/{Campaign}/letters", new { letterId = Letter });
        string[] positions = ["supports", "opposes", "undecided", "coSponsor"];
        for (var i = 0; i < P.Count; i++)
            await PostAsync($"/api/campaigns/{Campaign}/positions",
                new { targetId = _targets[i], position = positions[i % positions.Length], date = "2026-01-05", source = P[i] });

        var bodies = XssPayloads.Chunks(300);
        object Outcome(string body, string? note = null) => new
        {
            kind = "statementIssued", date = "2026-02-01", body, status = "partlyAchieved", reason = XssPayloads.Joined(" "),
            evidence = new[] { BreakoutLink(0), $"https://{XssPayloads.EvilHost}/e?q=<img src=x onerror=alert(2)>" }, note
        };
        var outcome = await IdAsync($"/api/campaigns/{Campaign}/outcomes", Outcome(bodies[0]), _actor);
        await PostAsync($"/api/campaigns/{Campaign}/outcomes/{outcome}/corrections", Outcome(bodies[1], XssPayloads.Joined(" ")));
        // a decision's own text: the meeting, who vetoed it, and explanations of vote
        await IdAsync($"/api/campaigns/{Campaign}/outcomes", new
        {
            kind = "resolutionVetoed", date = "2026-02-02", body = bodies[0], venue = bodies[1], nature = "substantive",
            result = "vetoed", vetoedBy = XssPayloads.Chunks(200), status = "notAchieved", reason = XssPayloads.Joined(" ")
        }, _actor);
        for (var i = 0; i < P.Count; i++)
            await PostAsync($"/api/campaigns/{Campaign}/explanations", new { targetId = _targets[i], link = BreakoutLink(i), summary = P[i] });
    }

    private async Task OrganizationsAsync()
    {
        var organizations = new List<Guid>();
        foreach (var p in P) organizations.Add(await IdAsync("/api/organizations", new { name = p, aliases = new[] { "aka " + p } }));
        for (var i = 0; i < P.Count; i++) await PostAsync($"/api/organizations/{organizations[i]}/aliases", new { alias = "alias " + P[i] });
        Organization = organizations[0];
    }

    /// <summary>
    /// The letter must be final to be sent, which ends editing, so this comes after the letter's own pages were seen.
    /// Manual delivery needs no mail server: every recipient is marked delivered, acknowledged and answered.
    /// </summary>
    public async Task AppealAsync()
    {
        await PostAsync($"/api/letters/{Letter}/close", new { });
        await PostAsync($"/api/letters/{Letter}/finalize", new { });
        Appeal = await IdAsync($"/api/letters/{Letter}/appeals",
            new { targetListIds = new[] { _lists[0] }, channel = "manual", coverMessage = XssPayloads.Joined() });
        for (var i = 0; i < P.Count; i++)
        {
            var recipient = $"/api/appeals/{Appeal}/recipients/{_targets[i]}";
            await PostAsync($"{recipient}/delivered", new { method = P[i], note = XssPayloads.Joined(" ") });
            await PostAsync($"{recipient}/acknowledge", new { reference = P[i] });
            await PostAsync($"{recipient}/respond", new { summary = P[i], link = BreakoutLink(i) });
        }
    }

    /// <summary>
    /// The coalition views are built in the background; the organization pages are read only once the last alias
    /// (the last organization event written) has reached them, so a page is not checked before it shows the payloads.
    /// </summary>
    public async Task WaitForCoalitionViewsAsync()
    {
        var last = "alias " + P[^1];
        await Eventually.UntilAsync(async () =>
        {
            using var document = JsonDocument.Parse(await _admin.GetStringAsync("/api/organizations"));
            return Strings(document.RootElement).Contains(last);
        }, shown => shown, TimeSpan.FromSeconds(60), $"/api/organizations to show {last}", TimeSpan.FromMilliseconds(250));
    }

    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => []
    };
}
