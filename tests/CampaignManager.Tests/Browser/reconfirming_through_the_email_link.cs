using CampaignManager.Tests.Appeals;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// A revision after people signed, followed as the signer and staff see it: the email the real SMTP server received,
/// its link opened in a browser without JavaScript, the change shown, the signature re-confirmed, and staff seeing the
/// answer, sending their one reminder to the signer who has not answered, and choosing at finalizing to keep them.
/// </summary>
[Collection(BrowserCollection.Name)]
public partial class reconfirming_through_the_email_link(BrowserFixture browser)
{
    private static readonly TimeSpan MailPatience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task a_signer_follows_the_emailed_link_sees_the_change_re_confirms_and_staff_see_it_answered()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var (letter, _) = await browser.Api.OpenLetterAsync($"Keep the Council seat {run}");
        var (graceEmail, linusEmail) = ($"grace-{run}@navy.example", $"linus-{run}@ngo.example");
        await browser.Api.SignAsync(letter, LetterApi.Individual("Grace Hopper", "Rear Admiral", "U.S. Navy", email: graceEmail));
        await browser.Api.SignAsync(letter, LetterApi.Organization($"Linus Foundation {run}", email: linusEmail));
        await browser.Api.PostAsync<object>($"/api/letters/{letter}/revisions",
            new { body = "Dear Secretary Pompeo,\n\nWe urge the United States to keep its seat on the Council." });

        var email = await Eventually.UntilAsync(() => Task.FromResult(browser.Smtp.MessagesTo(graceEmail)), m => m.Count == 1, MailPatience,
            "the re-confirmation email to Grace");
        var link = LinkPattern().Match(email[0].Message.TextBody!).Value;
        link.ShouldStartWith(browser.BaseAddress.ToString().TrimEnd('/') + "/sign/");

        await using (var signer = await browser.NewPageAsync(javaScript: false, signedIn: false))
        {
            (await signer.GoToAsync(new Uri(link).PathAndQuery)).Status.ShouldBe(200);
            var page = signer.Page;
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "The text changed since you signed" })).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("table.diff td.ins")).ToContainTextAsync("keep its seat on the Council");
            await Assertions.Expect(page.Locator("table.diff td.del")).ToContainTextAsync("stay engaged");
            await signer.ScreenshotAsync("reconfirm-link-page");
            await page.GetByRole(AriaRole.Button, new() { Name = "Re-confirm my signature on version 2" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, Grace Hopper" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your signature now stands on version 2");
        }

        await using var staff = await browser.NewPageAsync();
        staff.AcceptConfirms = true;
        (await staff.GoToAsync($"/letters/{letter}")).Status.ShouldBe(200);
        var rows = staff.Page.Locator("#reconfirmations tbody tr");
        await Assertions.Expect(rows.Filter(new() { HasText = "Grace Hopper" }).Locator("td.answer")).ToContainTextAsync("re-confirmed");
        await Assertions.Expect(rows.Filter(new() { HasText = "Linus Foundation" }).Locator("td.answer")).ToContainTextAsync("pending");
        await staff.ScreenshotAsync("reconfirm-staff-panel");

        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Send reminder" }).ClickAsync();
        await Assertions.Expect(staff.Page.GetByText("The reminder for this version was sent.")).ToBeVisibleAsync();
        await Eventually.UntilAsync(() => browser.Smtp.MessagesTo(linusEmail).Count == 2, MailPatience, "the reminder to Linus Foundation");
        browser.Smtp.MessagesTo(linusEmail)[1].Message.Subject.ShouldStartWith("Reminder: please re-confirm");
        browser.Smtp.MessagesTo(graceEmail).Count.ShouldBe(1, "Grace answered: she is not reminded");

        // Linus never answers: finalizing asks what becomes of them, and staff keep them, marked with their version
        await staff.Page.GetByRole(AriaRole.Button, new() { Name = "Close signatures" }).ClickAsync();
        await Assertions.Expect(staff.Page.GetByTestId("status")).ToHaveTextAsync("Closed");
        var finalize = staff.Page.Locator("form.finalize-form");
        await Assertions.Expect(finalize).ToContainTextAsync("1 signer has not re-confirmed version 2");
        await finalize.GetByLabel("finalize and keep them, marked with the version they signed").CheckAsync();
        await finalize.GetByRole(AriaRole.Button, new() { Name = "Finalize" }).ClickAsync();
        await Assertions.Expect(staff.Page.GetByTestId("status")).ToHaveTextAsync("Final");
        await Assertions.Expect(staff.Page.Locator("#signatory-block")).ToContainTextAsync($"Linus Foundation {run} (signed version 1)");
    }

    [GeneratedRegex(@"http://\S+/sign/\S+")]
    private static partial Regex LinkPattern();
}
