using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// The pages that used to run on campaigns.js now post through staff.js: a refused form shows each field error
/// beside its field and the problem's title in the general slot, a success follows data-then (a URL with {id}, or
/// an import report rendered in the form that sent the file, or a signature import's report kept across the reload).
/// </summary>
[Collection(BrowserCollection.Name)]
public class posting_staff_forms_through_one_script(BrowserFixture browser)
{
    [Fact]
    public async Task a_blank_campaign_shows_its_field_errors_and_a_complete_one_opens_its_page()
    {
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync("/campaigns/new")).Status.ShouldBe(200);

        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-error-for='name']")).ToHaveTextAsync("is required");
        await Assertions.Expect(page.Locator("[data-error-for='venue']")).ToHaveTextAsync("is required");
        await Assertions.Expect(page.Locator("[data-error-for='']")).Not.ToBeEmptyAsync();
        page.Url.ShouldEndWith("/campaigns/new", Case.Insensitive, "a refused form stays on its page");

        var name = "One script " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#name").FillAsync(name);
        await page.Locator("#goal").FillAsync("Keep the resolution's wording");
        await page.Locator("#venue").FillAsync("UNGA Third Committee");
        await page.GetByRole(AriaRole.Button, new() { Name = "Launch" }).ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/campaigns/[0-9a-f-]{36}$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
    }

    [Fact]
    public async Task a_target_list_import_reports_its_counts_and_rejected_rows_in_the_form()
    {
        var listName = "Import list " + Guid.NewGuid().ToString("N")[..6];
        var list = await browser.Api.PostAsync<Created>("/api/target-lists", new { name = listName }, System.Net.HttpStatusCode.Created);
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync("/targets")).Status.ShouldBe(200);

        var form = page.Locator($"article[data-list='{list.Id}'] form");
        // the good row's address spans two lines, so the bad row is row 3 of the sheet but starts on line 4 of the file
        var csv = "name,email,address\nGood Target,good-" + Guid.NewGuid().ToString("N")[..6] + "@example.org,\"1 UN Plaza\nNew York\"\nBad Email,not-an-email,\n";
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "targets.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await form.GetByRole(AriaRole.Button, new() { Name = "Import CSV", Exact = true }).ClickAsync();

        var report = form.Locator(".import-report");
        await Assertions.Expect(report.Locator("p")).ToContainTextAsync("rejected 1");
        await Assertions.Expect(report.Locator("table.import-errors tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(report.Locator("table.import-errors tbody td").First).ToHaveTextAsync("3 (line 4)");
        await Assertions.Expect(report.GetByRole(AriaRole.Link, new() { Name = "Refresh the lists" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task a_signature_import_asks_for_a_file_first_then_reports_after_the_reload()
    {
        var letter = await browser.Api.DraftAsync();
        await browser.Api.LifecycleAsync(letter, "open");
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync($"/letters/{letter}")).Status.ShouldBe(200);
        var form = page.Locator("form[data-then='reload-report']");
        var import = form.GetByRole(AriaRole.Button, new() { Name = "Import signatures" });

        await import.ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for='']")).ToHaveTextAsync("Choose a CSV file first.");

        var csv = "kind,name,title,affiliation,affiliation_for_identification_only,email\n" +
                  "individual,Ada Importer,,,,\nnobody,Bad Kind,,,,\nindividual,ada  importer,,,,\n";
        await form.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "signatures.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await import.ClickAsync();
        await Assertions.Expect(page.Locator("#import-report p")).ToHaveTextAsync("Imported: 1 added, 1 duplicates, 1 rejected.");
        await Assertions.Expect(page.Locator("#import-report table:not(.import-duplicates) tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#import-report table.import-duplicates tbody tr")).ToHaveTextAsync(["4row 2 (Ada Importer)"]);
        await Assertions.Expect(page.GetByText("Ada Importer").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task the_add_signature_form_takes_a_family_name_and_shows_a_wrong_one_beside_its_field()
    {
        var letter = await browser.Api.DraftAsync();
        await browser.Api.LifecycleAsync(letter, "open");
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync($"/letters/{letter}")).Status.ShouldBe(200);
        var form = page.Locator("form[data-post$='/signatures']");

        async Task AddAsync(string name, string family)
        {
            await form.Locator("#kind-individual").CheckAsync();
            await form.Locator("#sig-name").FillAsync(name);
            await form.Locator("#sig-family-name").FillAsync(family);
            await form.GetByRole(AriaRole.Button, new() { Name = "Add signature" }).ClickAsync();
        }

        await AddAsync("Ban Ki-moon", "Annan");
        await Assertions.Expect(form.Locator("[data-error-for='familyName']")).ToContainTextAsync("whole words of the name");
        await AddAsync("Tomás Ojea Quintana", "Ojea Quintana");
        await Assertions.Expect(page.Locator("#signatory-block li")).ToHaveTextAsync(["Tomás Ojea Quintana"]);
        await AddAsync("Roberta Cohen", "");
        await Assertions.Expect(page.Locator("#signatory-block li")).ToHaveTextAsync(["Roberta Cohen", "Tomás Ojea Quintana"]);
    }

    private record Created(Guid Id);
}
