using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// The public page and its sign-on form pass axe (WCAG 2.x A and AA rules) in every language the page speaks, with
/// Arabic laid out right to left. CSP is bypassed for the check only: axe is injected as a script the policy would
/// refuse, and what it judges is the markup, not the policy.
/// </summary>
[Collection(BrowserCollection.Name)]
public class checking_the_public_page_with_axe(BrowserFixture browser)
{
    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }
    };

    private async Task<string> TranslatedLetterAsync()
    {
        var (id, publicPath) = await browser.Api.OpenLetterAsync("Keep the Council seat");
        foreach (var (language, title, body) in new[]
                 {
                     ("fr", "Garder le siège au Conseil", "Nous demandons aux États-Unis de rester engagés."),
                     ("es", "Mantener el puesto en el Consejo", "Pedimos a los Estados Unidos que sigan comprometidos."),
                     ("ar", "الحفاظ على المقعد في المجلس", "نطلب من الولايات المتحدة أن تبقى ملتزمة.")
                 })
            await browser.Api.PostAsync<object>($"/api/letters/{id}/translations",
                new { language, title, subject = title, body, closing = "" });
        await browser.Api.SignAsync(id, new { kind = "organization", name = "Human Rights Watch" });
        return publicPath;
    }

    private static string Describe(AxeResult result) => string.Join("\n", result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));

    [Theory]
    [InlineData("en", "ltr")]
    [InlineData("fr", "ltr")]
    [InlineData("es", "ltr")]
    [InlineData("ar", "rtl")]
    public async Task the_public_page_and_its_form_pass_axe_in_each_language(string language, string direction)
    {
        var publicPath = await TranslatedLetterAsync();
        await using var tab = await browser.NewPageAsync(signedIn: false, bypassCsp: true);
        var page = tab.Page;
        (await tab.GoToAsync($"{publicPath}?lang={language}")).Status.ShouldBe(200);

        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language);
        (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe(direction);
        await Assertions.Expect(page.Locator("form.sign")).ToBeVisibleAsync();
        // nothing pushes the page wider than the window, on either side (the honeypot once did in Arabic)
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue();
        if (language == "ar") await tab.ScreenshotAsync("public-sign-on-arabic");

        var result = await page.RunAxe(Wcag);
        result.Violations.ShouldBeEmpty(Describe(result));
        result.Passes.ShouldContain(p => p.Id == "html-lang-valid"); // axe did run, and judged the page's language

        // the form as a signer sees it after a mistake: the errors shown must pass too
        await page.Locator("form.sign button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#name-error")).Not.ToBeEmptyAsync();
        var afterError = await page.RunAxe(Wcag);
        afterError.Violations.ShouldBeEmpty(Describe(afterError));
    }
}
