using Microsoft.Playwright;
using static CampaignManager.Tests.Browser.signing_on_through_the_public_page;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// The whole staff journey through the pages, as a person clicks it: a letter drafted, opened, signed on the public
/// page without JavaScript, the signature approved, the letter closed and finalized, sent as a manual appeal to a
/// target list, and a campaign launched with its outcome recorded. Each key page is saved as a screenshot.
/// </summary>
[Collection(BrowserCollection.Name)]
public class a_staff_journey_from_draft_to_outcome(BrowserFixture browser)
{
    // the page's own assertions below wait for its content; waiting for the full load event once hung a cold first run
    private static readonly PageWaitForURLOptions Arrived = new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 90_000 };

    private static readonly Regex LetterPage = new(@"/letters/[0-9a-f-]{36}$");
    private const string CloseConfirm = "Close this letter for signatures?";
    private const string FinalizeConfirm = "Finalize this letter? Its text and signatory block will be locked.";

    [Fact]
    public async Task a_letter_goes_from_draft_to_appeal_and_its_campaign_gets_an_outcome()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var title = $"Stay on the Council {run}";
        await using var tab = await browser.NewPageAsync();
        tab.AcceptConfirms = true; // Close signatures and Finalize ask first; the staff member says yes
        var page = tab.Page;

        // 1. draft the letter
        (await tab.GoToAsync("/letters/new")).Status.ShouldBe(200);
        await Labelled(page, "Title").FillAsync(title);
        await Labelled(page, "Subject").FillAsync("U.S. membership of the UN Human Rights Council");
        await Labelled(page, "Body").FillAsync("Dear Secretary,\n\nWe urge the United States to **stay engaged**.");
        await Labelled(page, "Closing").FillAsync("Respectfully,");
        await Labelled(page, "Addressee name").FillAsync("The Honorable Secretary of State");
        await tab.ScreenshotAsync("journey-letter-editor");
        // the app compiles each endpoint on its first request; on a busy two-core CI run the first draft can take a while,
        // so wait for the API's answer itself (and say what it was) before waiting for the page it leads to
        var drafted = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/api/letters"), new() { Timeout = 120_000 });
        drafted.Status.ShouldBe(201, "the draft command answered " + drafted.StatusText);
        await page.WaitForURLAsync(LetterPage, Arrived);
        var letterPath = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Draft");

        // 2. open it for signatures, without a deadline
        await page.GetByRole(AriaRole.Button, new() { Name = "Open for signatures" }).ClickAsync();
        var publicLink = page.GetByLabel("Public sign-on link");
        await Assertions.Expect(publicLink).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Open");
        var publicUrl = await publicLink.InputValueAsync();
        publicUrl.ShouldContain("/sign/");
        await tab.ScreenshotAsync("journey-letter-open");

        // 3. an outside signer signs on the public page, with JavaScript off
        await using (var signer = await browser.NewPageAsync(javaScript: false, signedIn: false))
        {
            (await signer.GoToAsync(publicUrl)).Status.ShouldBe(200);
            await Labelled(signer.Page, "an individual").CheckAsync();
            await Labelled(signer.Page, "Name (yours, or the organization's)").FillAsync("Ada Lovelace");
            await Labelled(signer.Page, "Affiliation").FillAsync("University of London");
            await Labelled(signer.Page, "I agree").CheckAsync();
            await signer.ScreenshotAsync("journey-public-page");
            await signer.Page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1" }).ClickAsync();
            await Assertions.Expect(signer.Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you for signing" })).ToBeVisibleAsync();
            signer.Dialogs.ShouldBeEmpty();
        }

        // 4. back on the letter page the signature waits for approval; approved, it joins the signatory block
        await page.ReloadAsync();
        var pending = page.Locator("#awaiting-approval tr", new() { HasText = "Ada Lovelace" });
        await Assertions.Expect(pending).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signatory-block")).Not.ToContainTextAsync("Ada Lovelace");
        await pending.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.Locator("#signatory-block")).ToContainTextAsync("Ada Lovelace");
        await Assertions.Expect(page.Locator("#awaiting-approval")).ToHaveCountAsync(0);

        // ---- 4a. re-confirmation by email (issue 13): a revision after signatures emails signers a personal link ----
        var graceEmail = $"grace-{run}@navy.example";
        var letterId = Guid.Parse(letterPath.Split('/').Last());
        await browser.Api.SignAsync(letterId, CampaignManager.Tests.Hosting.LetterApi.Individual("Grace Hopper", null, "U.S. Navy", email: graceEmail));
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit text" }).ClickAsync();
        await page.WaitForURLAsync($"**{letterPath}/edit", Arrived);
        await Labelled(page, "Body").FillAsync("Dear Secretary,\n\nWe urge the United States to **remain a member**.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save revision" }).ClickAsync();
        await page.WaitForURLAsync(LetterPage, Arrived);
        var reconfirmEmail = await CampaignManager.Tests.Appeals.Eventually.UntilAsync(() => Task.FromResult(browser.Smtp.MessagesTo(graceEmail)),
            m => m.Count == 1, TimeSpan.FromSeconds(60), "the re-confirmation email to Grace Hopper");
        var reconfirmLink = new Uri(Regex.Match(reconfirmEmail[0].Message.TextBody!, @"http://\S+/sign/\S+").Value);
        await using (var grace = await browser.NewPageAsync(javaScript: false, signedIn: false))
        {
            (await grace.GoToAsync(reconfirmLink.PathAndQuery)).Status.ShouldBe(200);
            await Assertions.Expect(grace.Page.GetByRole(AriaRole.Heading, new() { Name = "The text changed since you signed" })).ToBeVisibleAsync();
            await Assertions.Expect(grace.Page.Locator("table.diff td.ins")).ToContainTextAsync("remain a member");
            await grace.ScreenshotAsync("journey-reconfirm-link");
            await grace.Page.GetByRole(AriaRole.Button, new() { Name = "Re-confirm my signature on version 2" }).ClickAsync();
            await Assertions.Expect(grace.Page.GetByRole(AriaRole.Heading, new() { Name = "Thank you, Grace Hopper" })).ToBeVisibleAsync();
        }
        // Ada gave no email, so nothing was sent to her; she confirms by phone and staff record it
        await page.ReloadAsync();
        var reconfirmations = page.Locator("#reconfirmations tbody tr");
        await Assertions.Expect(reconfirmations.Filter(new() { HasText = "Grace Hopper" })).ToContainTextAsync("re-confirmed");
        await Assertions.Expect(reconfirmations.Filter(new() { HasText = "Ada Lovelace" })).ToContainTextAsync("no email given");
        await page.Locator("#signatories tr", new() { HasText = "Ada Lovelace" }).GetByRole(AriaRole.Button, new() { Name = "Mark re-confirmed" }).ClickAsync();
        await Assertions.Expect(reconfirmations.Filter(new() { HasText = "Ada Lovelace" })).ToContainTextAsync("re-confirmed");
        await tab.ScreenshotAsync("journey-reconfirmations");
        // ---- end of 4a ----

        // 5. close signatures, then finalize (each asks to confirm)
        await page.GetByRole(AriaRole.Button, new() { Name = "Close signatures" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Finalize" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Final");
        await Assertions.Expect(page.Locator("#signatory-block")).ToContainTextAsync("Ada Lovelace");
        await tab.ScreenshotAsync("journey-letter-final");

        // 6. targets and a list through the API, then the appeal through the page, delivered by hand
        var france = await browser.Api.PostForIdAsync("/api/targets", new { name = $"Mission of France {run}", email = $"france-{run}@example.org" });
        var ghana = await browser.Api.PostForIdAsync("/api/targets", new { name = $"Mission of Ghana {run}", email = $"ghana-{run}@example.org" });
        var listName = $"Council members {run}";
        await browser.Api.PostForIdAsync("/api/target-lists", new { name = listName, targetIds = new[] { france, ghana } });

        await page.GetByRole(AriaRole.Link, new() { Name = "Send as appeal" }).ClickAsync();
        await page.WaitForURLAsync($"**{letterPath}/appeals/new", Arrived);
        // a list is labelled with its name and member count: "Council members … (2)"
        await page.GetByLabel($"{listName} (2)").CheckAsync();
        await page.GetByLabel("Manual", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send appeal" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/appeals/[0-9a-f-]{36}$"), Arrived);
        var recipients = page.Locator("#recipients table");
        await Assertions.Expect(recipients).ToContainTextAsync($"Mission of France {run}");
        await Assertions.Expect(recipients).ToContainTextAsync($"Mission of Ghana {run}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Appeal: {title}");
        await tab.ScreenshotAsync("journey-appeal-status");

        // 7. a campaign launched through its page, and its outcome recorded there
        (await tab.GoToAsync("/campaigns/new")).Status.ShouldBe(200);
        var campaign = $"Keep the U.S. on the Council {run}";
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(campaign);
        await page.GetByLabel("Goal", new() { Exact = true }).FillAsync("The United States stays a member of the Human Rights Council.");
        await page.GetByLabel("Venue", new() { Exact = true }).FillAsync("UN Human Rights Council");
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch campaign" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/campaigns/[0-9a-f-]{36}$"), Arrived);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(campaign);

        var outcome = page.Locator("#outcomes form");
        await outcome.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "resolution adopted" });
        await outcome.GetByLabel("Date", new() { Exact = true }).FillAsync("2026-06-30");
        await outcome.GetByLabel("Body", new() { Exact = true }).FillAsync("UN Human Rights Council");
        await outcome.GetByLabel("Consensus", new() { Exact = true }).CheckAsync();
        await outcome.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "achieved" });
        await outcome.GetByLabel("Reason", new() { Exact = true }).FillAsync("The resolution keeps the seat filled.");
        await outcome.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();

        var recorded = page.Locator("article.outcome");
        await Assertions.Expect(recorded).ToContainTextAsync("resolution adopted — UN Human Rights Council, 2026-06-30");
        await Assertions.Expect(recorded).ToContainTextAsync("Adopted by consensus.");
        await Assertions.Expect(recorded).ToContainTextAsync("Campaign achieved: The resolution keeps the seat filled.");
        await Assertions.Expect(page.Locator("dl.facts")).ToContainTextAsync("achieved");
        await tab.ScreenshotAsync("journey-campaign-outcome");

        // the only dialogs were the UI's own two confirmations
        tab.Dialogs.Select(d => d.Split(" on ")[0]).ShouldBe([$"confirm: {CloseConfirm}", $"confirm: {FinalizeConfirm}"]);
    }

    // ---- recorded vote with per-member votes (issue #13, outcomes as the UN records them) ----
    [Fact]
    public async Task a_recorded_vote_with_each_members_vote_shows_in_the_whip_count_against_what_staff_expected()
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var china = await browser.Api.PostForIdAsync("/api/targets", new { name = $"China {run}" });
        var chad = await browser.Api.PostForIdAsync("/api/targets", new { name = $"Chad {run}" });
        var campaign = await browser.Api.PostForIdAsync("/api/campaigns", new
        {
            name = $"DPRK on the Council agenda {run}", goal = "The Security Council takes up the situation in the DPRK",
            venue = "UN Security Council"
        });
        foreach (var (target, position) in new[] { (china, "opposes"), (chad, "supports") })
            await browser.Api.PostAsync<System.Text.Json.JsonElement>($"/api/campaigns/{campaign}/positions",
                new { targetId = target, position, date = "2014-12-19" });
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync($"/campaigns/{campaign}")).Status.ShouldBe(200);

        // 22 December 2014: a procedural vote, 11 in favour, 2 against, 2 abstaining; the meeting was then held
        var form = page.Locator("form.record-outcome");
        await form.GetByLabel("Kind", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "meeting held" });
        await form.GetByLabel("Date", new() { Exact = true }).FillAsync("2014-12-22");
        await form.GetByLabel("Body", new() { Exact = true }).FillAsync("UN Security Council");
        await form.GetByLabel("Meeting", new() { Exact = true }).FillAsync("7353rd meeting");
        await form.GetByLabel("Question", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "procedural" });
        await form.GetByLabel("Result", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "adopted by vote" });
        await form.GetByLabel("Yes", new() { Exact = true }).FillAsync("11");
        await form.GetByLabel("No", new() { Exact = true }).FillAsync("2");
        await form.GetByLabel("Abstain", new() { Exact = true }).FillAsync("2");
        await form.GetByLabel($"China {run}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "no" });
        await form.GetByLabel($"Chad {run}", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "abstain" });
        await form.GetByLabel("Status", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "achieved" });
        await form.GetByLabel("Reason", new() { Exact = true }).FillAsync("The situation is on the Council's agenda.");
        await form.GetByRole(AriaRole.Button, new() { Name = "Record outcome" }).ClickAsync();

        var recorded = page.Locator("article.outcome");
        await Assertions.Expect(recorded).ToContainTextAsync("7353rd meeting: procedural, adopted by vote.");
        await Assertions.Expect(recorded).ToContainTextAsync("Vote: 11 yes, 2 no, 2 abstain.");
        var chinaRow = page.Locator($"#whip-count tr[data-target='{china}']");
        var chadRow = page.Locator($"#whip-count tr[data-target='{chad}']");
        await Assertions.Expect(chinaRow).ToContainTextAsync("voted no");
        await Assertions.Expect(chinaRow.Locator("td.expected")).ToContainTextAsync("opposes (2014-12-19) as expected");
        await Assertions.Expect(chadRow).ToContainTextAsync("abstained");
        await Assertions.Expect(chadRow.Locator("td.expected")).ToContainTextAsync("supports (2014-12-19) not as expected");
        await tab.ScreenshotAsync("journey-recorded-vote");

        // Chad's explanation of vote, attached to its position
        var explain = page.Locator("form.explain-vote");
        await explain.GetByLabel("Member", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = $"Chad {run}" });
        await explain.GetByLabel("Link", new() { Exact = true }).FillAsync("https://example.org/explanations/chad");
        await explain.GetByLabel("Summary", new() { Exact = true }).FillAsync("Abstained: prefers the Human Rights Council as the forum.");
        await explain.GetByRole(AriaRole.Button, new() { Name = "Add explanation" }).ClickAsync();
        await Assertions.Expect(chadRow).ToContainTextAsync("Explanation of vote: Abstained: prefers the Human Rights Council as the forum.");

        // a correction through the outcome's own form: the correction is kept beside the original
        await page.GetByText("Correct this outcome").ClickAsync();
        var correct = page.Locator("form.correct-outcome");
        await correct.GetByLabel("Why the correction", new() { Exact = true }).FillAsync("Added the meeting's evidence link");
        await correct.GetByLabel("Evidence links", new() { Exact = true }).FillAsync("https://example.org/S/PV.7353");
        await correct.GetByRole(AriaRole.Button, new() { Name = "Correct outcome" }).ClickAsync();
        await Assertions.Expect(recorded).ToContainTextAsync("Corrections (1)");
        await Assertions.Expect(chinaRow).ToContainTextAsync("voted no");
        tab.Dialogs.ShouldBeEmpty();
    }
    // ---- end of the recorded-vote block ----
}
