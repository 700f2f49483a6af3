using Microsoft.Playwright;
using static CampaignManager.Tests.Browser.XssPageChecks;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// The payloads through the public sign-on form, as an outside signer submits them: once refused (the form comes back
/// holding what was typed, in its value attributes), then three sign-ons whose thank-you pages repeat the name.
/// </summary>
public static class XssPublicSignOn
{
    /// <summary>The twenty payloads in as few names as the 300-character limit allows.</summary>
    public static IReadOnlyList<string> Names { get; } = XssPayloads.Chunks(300);

    public static async Task SignAsync(BrowserPage tab, string path, List<string> failures)
    {
        await VisitAsync(tab, path, XssPayloads.All, failures);
        // a payload that became markup can take the form apart: report that, not a locator timeout
        failures.ShouldBeEmpty("the public page must be intact before it can be signed");
        // an email that is no address is refused; every payload goes into a field so all come back in attributes
        await SubmitAsync(tab, Names[0], Names[1 % Names.Count], Names[2 % Names.Count], XssPayloads.All[XssDataSet.ActorIndex]);
        await CheckAsync(tab, "public page, refused", XssPayloads.All, failures);
        if (await tab.Page.InputValueAsync("#name") != Names[0]) failures.Add("public page, refused: the name field lost what was typed");
        if ((await tab.Page.InnerTextAsync("#email-error")).Trim().Length == 0) failures.Add("public page: the bad email was not refused");

        for (var k = 0; k < Names.Count; k++)
        {
            if (k > 0) await tab.GoToAsync(path);
            await SubmitAsync(tab, Names[k], Names[k], Names[k], "");
            await CheckAsync(tab, $"public page, signed {k + 1}", [Names[k], "Thank you for signing"], failures);
        }
    }

    private static async Task SubmitAsync(BrowserPage tab, string name, string title, string affiliation, string email)
    {
        var page = tab.Page;
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#affiliation").FillAsync(affiliation);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#consent").CheckAsync();
        await page.RunAndWaitForResponseAsync(() => page.Locator("form.sign button[type=submit]").ClickAsync(),
            r => r.Request.Method == "POST");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }
}
