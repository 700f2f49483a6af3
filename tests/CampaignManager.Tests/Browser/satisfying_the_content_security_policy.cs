using CampaignManager.Tests.Letters;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// Every page is served with a Content-Security-Policy that allows no inline script or style. In Chromium, the key
/// staff pages and the public page report no violation (console or securitypolicyviolation), still work, and load
/// nothing from another host, not even the tracking pixel in the letter's Markdown.
/// </summary>
[Collection(BrowserCollection.Name)]
public class satisfying_the_content_security_policy(BrowserFixture browser)
{
    // runs in every page before its own scripts (Playwright injects it through DevTools, so the policy does not apply)
    private const string RecordViolations =
        "window.__csp = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));";

    [Fact]
    public async Task the_staff_pages_and_the_public_page_report_no_violation_still_work_and_load_nothing_from_elsewhere()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var api = browser.Api;
        var letter = await api.DraftAsync($"Keep the seat {run}", dropping_markdown_images.Body);
        await api.PostAsync<object>($"/api/letters/{letter}/embargo-signatories", new { });
        await api.RequireApprovalAsync(letter, false);
        await api.LifecycleAsync(letter, "open");
        var publicPath = (await api.LetterAsync(letter)).PublicSignOnUrl!;
        await api.SignAsync(letter, new { kind = "organization", name = $"Human Rights Watch {run}" });
        var target = await api.PostForIdAsync("/api/targets", new { name = $"Mission of Peru {run}", email = $"peru-{run}@example.org" });
        await api.PostForIdAsync("/api/target-lists", new { name = $"Council {run}", targetIds = new[] { target } });
        var campaign = await api.PostForIdAsync("/api/campaigns", new { name = $"Campaign {run}", goal = "A seat kept", venue = "HRC" });
        await api.PostAsync<object>($"/api/campaigns/{campaign}/letters", new { letterId = letter });
        await api.PostAsync<object>($"/api/campaigns/{campaign}/positions", new { targetId = target, position = "supports", date = "2026-01-05" });
        var organization = await api.PostForIdAsync("/api/organizations", new { name = $"Freedom House {run}" });

        await using var tab = await browser.NewPageAsync();
        tab.AcceptConfirms = true;
        var page = tab.Page;
        var violations = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) lock (violations) violations.Add($"{page.Url}: {m.Text}"); };
        await page.Context.AddInitScriptAsync(RecordViolations);

        // the staff letter page works under the policy: its script posts the button's command and reloads
        await VisitAsync(tab, $"/letters/{letter}", violations);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish signatories" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Signatories published")).ToBeVisibleAsync();
        await CollectAsync(page, violations);
        // the public page works without inline anything: a signer signs
        await VisitAsync(tab, publicPath, violations);
        await page.GetByLabel("Name (yours, or the organization's)").FillAsync($"Ada Lovelace {run}");
        await page.GetByLabel("I agree").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for signing" })).ToBeVisibleAsync();

        // the partners page shows the partner's form as text to copy: its script must stay text on our page
        await api.PostForIdAsync($"/api/letters/{letter}/partners", new { name = "FIDH", allowedOrigins = new[] { "https://www.fidh.org" } });
        await api.LifecycleAsync(letter, "close");
        await api.LifecycleAsync(letter, "finalize");
        var appeal = await api.PostForIdAsync($"/api/letters/{letter}/appeals", new { targetIds = new[] { target }, channel = "manual" });
        foreach (var path in new[]
                 {
                     "/", "/letters", "/letters/new", $"/letters/{letter}", $"/letters/{letter}/edit", $"/letters/{letter}/history",
                     $"/letters/{letter}/partners",
                     $"/letters/{letter}/diff", $"/letters/{letter}/print", $"/letters/{letter}/appeals/new", $"/appeals/{appeal}",
                     "/campaigns/new", $"/campaigns/{campaign}", "/targets", $"/targets/{target}", "/coalitions", "/organizations",
                     $"/organizations/{organization}", publicPath
                 })
            await VisitAsync(tab, path, violations);

        violations.ShouldBeEmpty();
        tab.ExternalRequests.ShouldBeEmpty("no page may fetch from another host (the letter's tracking pixel included)");
        (await page.Locator("img").CountAsync()).ShouldBe(0);
        tab.Dialogs.ShouldAllBe(d => d.StartsWith("confirm: Publish the signatories?"));
    }

    [Fact]
    public async Task the_api_docs_load_under_their_own_policy_without_a_violation()
    {
        await using var tab = await browser.NewPageAsync();
        var violations = new List<string>();
        tab.Page.Console += (_, m) => { if (m.Text.Contains("Content Security Policy")) lock (violations) violations.Add(m.Text); };
        await tab.Page.Context.AddInitScriptAsync(RecordViolations);

        var response = await tab.GoToAsync("/docs");

        (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull().ShouldContain("frame-ancestors 'none'");
        await Assertions.Expect(tab.Page.GetByText("Letters", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await CollectAsync(tab.Page, violations);
        violations.ShouldBeEmpty();
    }

    private static async Task VisitAsync(BrowserPage tab, string path, List<string> violations)
    {
        var response = await tab.GoToAsync(path);
        response.Status.ShouldBe(200, path);
        (await response.HeaderValueAsync("content-security-policy")).ShouldNotBeNull(path).ShouldContain("script-src 'self';");
        await CollectAsync(tab.Page, violations);
    }

    // read before the next navigation replaces the page's window
    private static async Task CollectAsync(IPage page, List<string> violations)
    {
        var reported = await page.EvaluateAsync<string[]>("() => window.__csp || []");
        lock (violations) violations.AddRange(reported.Select(v => $"{page.Url}: {v}"));
    }
}
