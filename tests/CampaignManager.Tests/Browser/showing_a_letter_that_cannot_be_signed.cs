using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>A public link that no longer leads to an open letter explains itself in plain words, never with an error page.</summary>
[Collection(BrowserCollection.Name)]
public class showing_a_letter_that_cannot_be_signed(BrowserFixture browser)
{
    [Fact]
    public async Task a_closed_letters_link_says_signatures_are_no_longer_collected()
    {
        var (id, publicPath) = await browser.Api.OpenLetterAsync("Closed for signatures");
        await browser.Api.LifecycleAsync(id, "close");

        await ShowsNoLongerOpenAsync(publicPath, "closed");
    }

    [Fact]
    public async Task a_final_letters_link_says_signatures_are_no_longer_collected()
    {
        var (id, publicPath) = await browser.Api.OpenLetterAsync("Final text");
        await browser.Api.LifecycleAsync(id, "close");
        await browser.Api.LifecycleAsync(id, "finalize");

        await ShowsNoLongerOpenAsync(publicPath, "final");
    }

    [Fact]
    public async Task an_unknown_link_says_it_is_not_valid_with_a_404()
    {
        await using var tab = await browser.NewPageAsync(javaScript: false, signedIn: false);

        var response = await tab.GoToAsync("/sign/no-such-token-anywhere");

        response.Status.ShouldBe(404);
        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("This sign-on link is not valid");
        await tab.ScreenshotAsync("public-sign-on-unknown-link");
    }

    private async Task ShowsNoLongerOpenAsync(string publicPath, string status)
    {
        await using var tab = await browser.NewPageAsync(javaScript: false, signedIn: false);
        var page = tab.Page;

        var response = await tab.GoToAsync(publicPath);

        response.Status.ShouldBe(200);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First)
            .ToHaveTextAsync("This letter is no longer open for signatures");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"is {status}");
        await Assertions.Expect(page.GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        await tab.ScreenshotAsync($"public-sign-on-{status}");
    }
}
