using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CampaignManager.Tests.Browser;

/// <summary>The staff pages load in a real browser, with their stylesheet, and are saved as screenshots for review.</summary>
[Collection(BrowserCollection.Name)]
public class capturing_the_key_pages(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task the_staff_home_page_loads_with_its_stylesheet()
    {
        await using var tab = await browser.NewPageAsync();

        (await tab.GoToAsync("/")).Status.ShouldBe(200);

        await Assertions.Expect(tab.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        (await tab.GoToAsync("/site.css")).Status.ShouldBe(200, "the pages' stylesheet is served");
        (await tab.GoToAsync("/")).Status.ShouldBe(200);
        await tab.ScreenshotAsync("staff-home");
        tab.Dialogs.ShouldBeEmpty();
    }

    [Fact]
    public async Task the_api_docs_load()
    {
        await using var tab = await browser.NewPageAsync();

        (await tab.GoToAsync("/docs")).Status.ShouldBe(200);

        await Assertions.Expect(tab.Page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("CampaignManager API"));
        // Scalar renders the OpenAPI document after loading it: wait for the operations, not a loading skeleton
        await Assertions.Expect(tab.Page.GetByText("Letters", new() { Exact = true }).First).ToBeVisibleAsync(new() { Timeout = 45_000 });
        // the first screen only: the whole reference is many thousand pixels tall
        await tab.ScreenshotAsync("api-docs", fullPage: false);
        output.WriteLine($"refused requests to other hosts: {string.Join(", ", tab.ExternalRequests)}");
    }
}
