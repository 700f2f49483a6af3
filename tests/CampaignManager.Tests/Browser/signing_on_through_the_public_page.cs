using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>The public sign-on page in a real browser: it must work without JavaScript and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public class signing_on_through_the_public_page(BrowserFixture browser)
{
    [Fact]
    public async Task a_signer_without_javascript_fills_the_labelled_form_and_sees_the_version_signed()
    {
        var (_, publicPath) = await browser.Api.OpenLetterAsync("Keep the Council seat");
        await using var tab = await browser.NewPageAsync(javaScript: false, signedIn: false);
        var page = tab.Page;

        (await tab.GoToAsync(publicPath)).Status.ShouldBe(200);
        await tab.ScreenshotAsync("public-sign-on-desktop");
        await Labelled(page, "an individual").CheckAsync();
        await Labelled(page, "Name (yours, or the organization's)").FillAsync("Ada Lovelace");
        await Labelled(page, "Title").FillAsync("Professor");
        await Labelled(page, "Affiliation").FillAsync("University of London");
        await Labelled(page, "My affiliation is for identification only").CheckAsync();
        await Labelled(page, "Email").FillAsync("ada@example.org");
        await Labelled(page, "I agree").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for signing" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Ada Lovelace signed version 1 of “Keep the Council seat”");
        await tab.ScreenshotAsync("public-sign-on-confirmation");
        tab.Dialogs.ShouldBeEmpty();
    }

    [Fact]
    public async Task on_a_phone_every_field_has_a_label_and_fits_the_screen()
    {
        var (_, publicPath) = await browser.Api.OpenLetterAsync("Keep the Council seat on a phone");
        await using var tab = await browser.NewPageAsync(width: 390, height: 844, javaScript: false, signedIn: false);
        var page = tab.Page;
        (await tab.GoToAsync(publicPath)).Status.ShouldBe(200);
        await tab.ScreenshotAsync("public-sign-on-phone");

        string[] labels = ["an individual", "an organization", "Name (yours, or the organization's)", "Family name", "Title", "Affiliation",
            "My affiliation is for identification only", "Email", "Count my signature but list me as", "Show my name on this page only once", "I agree"];
        var labelledIds = new List<string?>();
        foreach (var label in labels)
        {
            var field = Labelled(page, label);
            await Assertions.Expect(field).ToHaveCountAsync(1);
            labelledIds.Add(await field.GetAttributeAsync("id"));
            var box = await field.BoundingBoxAsync() ?? throw new ShouldAssertException($"the field labelled “{label}” is not shown");
            box.X.ShouldBeGreaterThanOrEqualTo(0, $"“{label}” starts left of the screen");
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(390, $"“{label}” runs past the right edge of a 390 px screen");
        }
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1" }).BoundingBoxAsync();
        (button!.X + button.Width).ShouldBeLessThanOrEqualTo(390);

        // the honeypot is in the form for bots, labelled for screen readers to leave empty, and off every screen
        var trap = Labelled(page, "Leave this field empty");
        await Assertions.Expect(trap).ToHaveCountAsync(1);
        (await trap.BoundingBoxAsync())!.X.ShouldBeLessThan(0, "people must not see the honeypot");

        // every other input in the form is reachable by its label: the form's inputs are exactly the labelled ones above
        var inputs = page.Locator("form.sign input:not([type=hidden]):not(.trap-field)");
        var inputIds = new List<string?>();
        foreach (var input in await inputs.AllAsync()) inputIds.Add(await input.GetAttributeAsync("id"));
        inputIds.ShouldBe(labelledIds, ignoreOrder: true);
        labelledIds.Distinct().Count().ShouldBe(labels.Length);
    }

    /// <summary>The field whose label starts with the text (labels add hints such as “(optional)”).</summary>
    internal static ILocator Labelled(IPage page, string label) => page.GetByLabel(new Regex("^" + Regex.Escape(label)));
}
