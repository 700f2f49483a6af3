using CampaignManager.Letters;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>The open form's reminder choices reach the API as numbers and an audience, and the letter page says what will happen.</summary>
[Collection(BrowserCollection.Name)]
public class choosing_deadline_reminders(BrowserFixture browser)
{
    [Fact]
    public async Task opening_with_a_deadline_and_reminders_shows_the_scheduled_close_and_each_reminder_still_to_come()
    {
        var id = await browser.Api.DraftAsync();
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync($"/letters/{id}")).Status.ShouldBe(200);

        await page.Locator("#deadline").FillAsync("2030-06-30T12:00");
        await page.GetByLabel("3 days before").CheckAsync();
        await page.GetByLabel("1 day before").CheckAsync();
        await page.GetByLabel("the coalition's contact emails").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signatures" }).ClickAsync();

        var reminders = page.Locator("ul.reminders li");
        await Assertions.Expect(reminders).ToHaveCountAsync(2);
        await Assertions.Expect(reminders.First).ToContainTextAsync("Reminder 3 days before, to the coalition's contact emails");
        await Assertions.Expect(page.Locator("section.deadline")).ToContainTextAsync("Closes by itself at that moment.");
        (await browser.Api.LetterAsync(id)).Status.ShouldBe(LetterStatus.Open);
    }
}
