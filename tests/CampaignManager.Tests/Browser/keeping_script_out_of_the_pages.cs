using Microsoft.Playwright;
using static CampaignManager.Tests.Browser.signing_on_through_the_public_page;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// Signers and staff type text that the pages show back. In a real browser with JavaScript on, a payload in a
/// signer's name or in the letter's Markdown must show as text and never run: any alert, confirm or prompt fails.
/// </summary>
[Collection(BrowserCollection.Name)]
public class keeping_script_out_of_the_pages(BrowserFixture browser)
{
    private const string NamePayload = "<img src=x onerror=alert(1)>";
    private const string ScriptPayload = "<script>alert(2)</script>";
    private const string LinkPayload = "[x](javascript:alert(3))";

    [Fact]
    public async Task an_xss_payload_in_a_signers_name_or_the_letter_body_never_runs()
    {
        var (id, publicPath) = await browser.Api.OpenLetterAsync("Reconsider the withdrawal",
            $"Dear Secretary Pompeo,\n\n{ScriptPayload}\n\nRead more: {LinkPayload}\n\nWe urge you to stay engaged.",
            approvalRequired: true);
        await using var tab = await browser.NewPageAsync(javaScript: true);
        var page = tab.Page;

        // the name goes in through the public page itself, as an outside signer would submit it
        (await tab.GoToAsync(publicPath)).Status.ShouldBe(200);
        await Labelled(page, "Name (yours, or the organization's)").FillAsync(NamePayload);
        await Labelled(page, "I agree").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{NamePayload} signed version 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("once the organizers have approved it");
        var pending = (await browser.Api.LetterAsync(id)).AwaitingApproval.ShouldHaveSingleItem();
        pending.Name.ShouldBe(NamePayload);
        await browser.Api.ApproveAsync(id, pending.Id);

        // the public page again, now with the name in the signatory block
        (await tab.GoToAsync(publicPath)).Status.ShouldBe(200);
        await ShowsAsTextAsync(page);
        await ClickingTheBodyLinkRunsNothingAsync(page);

        var print = await tab.GoToAsync($"/letters/{id}/print");
        print.Status.ShouldBe(200);
        await ShowsAsTextAsync(page);
        await tab.ScreenshotAsync("print-letter");

        // the staff letter page, once it exists
        var staff = await tab.GoToAsync($"/letters/{id}");
        if (staff.Status != 404)
        {
            staff.Status.ShouldBe(200);
            await ShowsAsTextAsync(page);
        }

        tab.Dialogs.ShouldBeEmpty();
        // and the recorder does see a dialog when one opens, so the empty list above means something
        await page.EvaluateAsync("() => alert('probe')");
        tab.Dialogs.ShouldHaveSingleItem().ShouldContain("probe");
    }

    private static async Task ShowsAsTextAsync(IPage page)
    {
        // the staff page shows a name in the block and in the signature table: any visible copy will do
        await Assertions.Expect(page.GetByText(NamePayload).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(ScriptPayload).First).ToBeVisibleAsync();
        // the app's own script files (/staff.js) are expected; nothing inline or from elsewhere may appear
        (await page.Locator("script:not([src^='/'])").CountAsync()).ShouldBe(0, "no script element may come from the letter or a signer");
        (await page.Locator("img").CountAsync()).ShouldBe(0, "a signer's name must not become an image");
        (await page.Locator("a[href^='javascript:' i]").CountAsync()).ShouldBe(0, "no javascript: link may be rendered");
    }

    private static async Task ClickingTheBodyLinkRunsNothingAsync(IPage page)
    {
        var link = page.Locator(".body a", new() { HasText = "x" });
        await Assertions.Expect(link).ToHaveCountAsync(1);
        await link.ClickAsync();
    }
}
