using System.Text.RegularExpressions;
using CampaignManager.Tests.Appeals;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// A public signer's whole way in their language, each page axe-checked (WCAG 2.x A and AA) and speaking it: the thanks
/// after signing, the email, the confirmation page before and after confirming, their own signature's page, and the
/// returning-signer panel after their text changed. CSP is bypassed for the check only, as for the public page.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class checking_the_signers_pages_with_axe(BrowserFixture browser)
{
    private static readonly TimeSpan MailPatience = TimeSpan.FromSeconds(60);

    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }
    };

    /// <summary>A string each page shows in the language, so the check is not passed by an English page.</summary>
    private sealed record Expected(string Direction, string CheckYourEmail, string Subject, string ConfirmTitle, string Confirmed,
        string MineStanding, string TextChanged, string DiffHeading);

    private static readonly Dictionary<string, Expected> Strings = new()
    {
        ["en"] = new("ltr", "We are emailing a link", "Please confirm your signature", "Confirm your signature",
            "your email is confirmed", "Your signature counts and appears on the letter.", "The text changed since you signed", "Version 1"),
        ["fr"] = new("ltr", "Nous envoyons un lien", "Merci de confirmer votre signature", "Confirmez votre signature",
            "votre adresse électronique est confirmée", "Votre signature compte et figure sur la lettre.", "Le texte a changé depuis votre signature", "Version 1"),
        ["es"] = new("ltr", "Estamos enviando un enlace", "Confirme su firma", "Confirme su firma",
            "su correo electrónico está confirmado", "Su firma cuenta y figura en la carta.", "El texto cambió desde que usted firmó", "Versión 1"),
        ["ar"] = new("rtl", "نرسل رابطًا", "يرجى تأكيد توقيعك", "أكّد توقيعك",
            "تم تأكيد بريدك الإلكتروني", "توقيعك محتسَب ويظهر على الرسالة.", "تغيّر النص منذ توقيعك", "النسخة 1"),
    };

    private static string Describe(AxeResult result) => string.Join("\n", result.Violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));

    private static async Task ShouldPassAxeInAsync(IPage page, string language, string direction, string shows, string where)
    {
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe(language, where);
        (await page.Locator("html").GetAttributeAsync("dir")).ShouldBe(direction, where);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(shows);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue(where);
        var result = await page.RunAxe(Wcag);
        result.Violations.ShouldBeEmpty($"{where}: {Describe(result)}");
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ar")]
    public async Task each_page_a_public_signer_meets_passes_axe_and_speaks_their_language(string language)
    {
        var expected = Strings[language];
        var run = Guid.NewGuid().ToString("N")[..6];
        var (id, publicPath) = await browser.Api.OpenLetterAsync($"Keep the Council seat {run}");
        foreach (var tag in new[] { "fr", "es", "ar" })
            await browser.Api.PostAsync<object>($"/api/letters/{id}/translations",
                new { language = tag, title = $"Council seat ({tag}) {run}", subject = "Council", body = $"Text in {tag}.", closing = "" });
        await browser.Api.PostAsync<object>($"/api/letters/{id}/verification-policy", new { confirmedEmail = true, staffApproval = false });
        var email = $"signer-{run}@ngo.example";

        await using var tab = await browser.NewPageAsync(signedIn: false, bypassCsp: true);
        var page = tab.Page;
        (await tab.GoToAsync($"{publicPath}?lang={language}")).Status.ShouldBe(200);
        await page.Locator("#name").FillAsync($"Signer {run}");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#consent").CheckAsync();
        await page.Locator("form.sign button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#check-your-email")).ToBeVisibleAsync();
        await ShouldPassAxeInAsync(page, language, expected.Direction, expected.CheckYourEmail, "the thanks after signing");

        var mail = (await Eventually.UntilAsync(() => Task.FromResult(browser.Smtp.MessagesTo(email)), m => m.Count == 1, MailPatience,
            "the signing email")).Single().Message;
        mail.Subject.ShouldStartWith(expected.Subject);
        mail.HtmlBody.ShouldNotBeNull().ShouldContain($"<html lang=\"{language}\" dir=\"{expected.Direction}\">");
        var confirm = new Uri(ConfirmLink().Match(mail.TextBody!).Value).AbsolutePath;
        var mine = new Uri(MineLink().Match(mail.TextBody!).Value).AbsolutePath;

        (await tab.GoToAsync(confirm)).Status.ShouldBe(200);
        await ShouldPassAxeInAsync(page, language, expected.Direction, expected.ConfirmTitle, "the confirmation page");
        await page.Locator("#confirm").ClickAsync();
        await Assertions.Expect(page.Locator("#confirmed")).ToBeVisibleAsync();
        await ShouldPassAxeInAsync(page, language, expected.Direction, expected.Confirmed, "the page after confirming");

        (await tab.GoToAsync(mine)).Status.ShouldBe(200);
        await ShouldPassAxeInAsync(page, language, expected.Direction, expected.MineStanding, "the signer's own page");
        if (language == "ar") await tab.ScreenshotAsync("my-signature-arabic");

        // the text they signed changes: the re-confirmation email's link opens the returning-signer panel in their language
        await browser.Api.PostAsync<object>(language == "en" ? $"/api/letters/{id}/revisions" : $"/api/letters/{id}/translations/{language}/revisions",
            new { body = $"A revised text ({language})." });
        var asked = (await Eventually.UntilAsync(() => Task.FromResult(browser.Smtp.MessagesTo(email)), m => m.Count == 2, MailPatience,
            "the re-confirmation email"))[1].Message;
        var returning = new Uri(ReturningLink().Match(asked.TextBody!).Value).AbsolutePath;
        (await tab.GoToAsync(returning)).Status.ShouldBe(200);
        await Assertions.Expect(page.Locator("#returning-signer")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.diff th").First).ToHaveTextAsync(expected.DiffHeading);
        await ShouldPassAxeInAsync(page, language, expected.Direction, expected.TextChanged, "the returning-signer panel");
    }

    [GeneratedRegex(@"http://\S+/sign/[^/\s]+/confirm/\S+")]
    private static partial Regex ConfirmLink();

    [GeneratedRegex(@"http://\S+/sign/[^/\s]+/mine/\S+")]
    private static partial Regex MineLink();

    [GeneratedRegex(@"http://\S+/sign/[^/\s]+/(?!confirm/|mine/)\S+")]
    private static partial Regex ReturningLink();
}
