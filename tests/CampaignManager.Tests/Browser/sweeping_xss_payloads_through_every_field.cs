using Microsoft.Playwright;
using Xunit.Abstractions;
using static CampaignManager.Tests.Browser.XssPageChecks;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// Issue #10's XSS proof: twenty payloads (<see cref="XssPayloads"/>) through every text field the staff API and the
/// public sign-on form take (<see cref="XssDataSet"/>), then every page that shows those fields, once each, in
/// Chromium with JavaScript on and the Content-Security-Policy bypassed: no dialog opens, no payload becomes markup,
/// nothing is requested from another host, and the payloads are there to read as text.
/// </summary>
[Collection(BrowserCollection.Name)]
public class sweeping_xss_payloads_through_every_field(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly IReadOnlyList<string> All = XssPayloads.All;

    [Fact]
    public async Task twenty_payloads_in_every_field_run_nothing_load_nothing_from_elsewhere_and_show_as_text()
    {
        All.Distinct().Count().ShouldBe(20);
        All.ShouldAllBe(p => p.Length <= 50, "every payload fits the shortest field it goes into (a tag)");
        using var data = new XssDataSet(browser);
        await data.BuildAsync();

        await using var tab = await browser.NewPageAsync(signedIn: false, bypassCsp: true);
        var page = tab.Page;
        var origin = browser.BaseAddress.GetLeftPart(UriPartial.Authority);
        var offHost = new List<string>();
        page.Request += (_, r) =>
        {
            if (!r.Url.StartsWith(origin + "/", StringComparison.OrdinalIgnoreCase)) lock (offHost) offHost.Add($"{page.Url} -> {r.Url}");
        };
        var failures = new List<string>();

        // the admin whose login is a payload signs in with a one-time link: every staff page's header then shows it
        await tab.GoToAsync(data.SignInPath);
        page.Url.ShouldContain("/account/password");

        await XssPublicSignOn.SignAsync(tab, data.PublicPath, failures);
        await data.ReviewPublicSignOnsAsync();

        var letter = $"/letters/{data.Letter}";
        await VisitAsync(tab, letter, All, failures);
        await VisitAsync(tab, $"{letter}/edit", [All[0]], failures); // the Markdown preview; the fields hold the text
        if (await page.InputValueAsync("#title") != data.Titles[^1]) failures.Add("edit: the title field does not hold the title");
        if (!(await page.InputValueAsync("#body")).StartsWith(XssPayloads.Joined(), StringComparison.Ordinal))
            failures.Add("edit: the body field does not hold the body");
        // the live preview sets the server's HTML with innerHTML: the one path in the scripts from text to markup
        await page.RunAndWaitForResponseAsync(() => page.Locator("#body").FillAsync(XssPayloads.Joined() + "\n\nLive preview."),
            r => r.Url.EndsWith("/api/letters/preview", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("#body-preview")).ToContainTextAsync("Live preview.");
        await CheckAsync(tab, "edit, live preview", [All[0]], failures);
        await VisitAsync(tab, $"{letter}/diff?from=1&to={data.Titles.Count}", All, failures);
        await VisitAsync(tab, $"{letter}/history", All, failures);
        await VisitAsync(tab, $"{letter}/history?asOf={Uri.EscapeDataString(data.AsOf.ToString("O"))}", [.. All, data.Titles[1]], failures);
        await VisitAsync(tab, $"{letter}/print", All, failures);

        await data.AppealAsync();
        await data.WaitForCoalitionViewsAsync();
        await VisitAsync(tab, $"{letter}/appeals/new", All, failures);
        await VisitAsync(tab, $"/appeals/{data.Appeal}", All, failures);
        await VisitAsync(tab, $"/campaigns/{data.Campaign}", All, failures);
        await VisitAsync(tab, "/", All, failures);
        await VisitAsync(tab, "/letters", [data.Titles[^1]], failures);
        await VisitAsync(tab, "/targets", All, failures);
        await VisitAsync(tab, $"/targets/{data.Target}", [All[0]], failures);
        await VisitAsync(tab, "/organizations", All, failures);
        await VisitAsync(tab, $"/organizations/{data.Organization}", [All[0], "aka " + All[0], "alias " + All[0]], failures);
        await VisitAsync(tab, "/coalitions", All, failures);
        await VisitAsync(tab, "/staff", All, failures);

        output.WriteLine($"Refused with 400 (never stored, so never shown): {string.Join(", ", data.Refused.DefaultIfEmpty("none"))}");
        failures.ShouldBeEmpty();
        tab.Dialogs.ShouldBeEmpty();
        offHost.ShouldBeEmpty();
        tab.ExternalRequests.ShouldBeEmpty();

        // and both recorders do see what they look for, so the empty lists above mean something
        await page.EvaluateAsync("() => alert('probe')");
        tab.Dialogs.ShouldHaveSingleItem().ShouldContain("probe");
        await page.EvaluateAsync($"() => fetch('https://{XssPayloads.EvilHost}/probe').catch(() => 0)");
        offHost.ShouldHaveSingleItem().ShouldEndWith("/probe");
    }
}
