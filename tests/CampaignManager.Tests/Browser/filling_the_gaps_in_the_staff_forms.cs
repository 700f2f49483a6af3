using CampaignManager.Coalitions;
using CampaignManager.Appeals;
using CampaignManager.Targets;
using Microsoft.Playwright;

namespace CampaignManager.Tests.Browser;

/// <summary>
/// Commands that could only be called through the API now have forms: correcting a target's details, adding a
/// target to a list and taking it off again (from the target's page and from the list on /targets), registering an
/// organization's alias. Each goes through staff.js, with field errors in their slots.
/// </summary>
[Collection(BrowserCollection.Name)]
public class filling_the_gaps_in_the_staff_forms(BrowserFixture browser)
{
    private static string Unique(string name) => name + " " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task a_target_s_details_are_corrected_from_its_page_and_a_blank_name_is_refused_beside_the_field()
    {
        var target = await browser.Api.PostAsync<Created>("/api/targets",
            new { name = Unique("Permanent Mission of Japan"), title = "Ambassador", tags = new[] { "council" } }, HttpStatusCode.Created);
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync($"/targets/{target.Id}")).Status.ShouldBe(200);
        var form = page.Locator("#correct-details form");
        await page.GetByText("Correct details").ClickAsync();
        await Assertions.Expect(form.Locator("#cTitle")).ToHaveValueAsync("Ambassador");

        await form.Locator("#cName").FillAsync("");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for='name']")).ToHaveTextAsync("is required");

        var renamed = Unique("Mission of Japan to the UN");
        await form.Locator("#cName").FillAsync(renamed);
        await form.Locator("#cCountry").FillAsync("Japan");
        await form.GetByRole(AriaRole.Button, new() { Name = "Save details" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(renamed);

        var details = await browser.Api.GetAsync<TargetWithAppeals>($"/api/targets/{target.Id}");
        details.Country.ShouldBe("Japan");
        details.Title.ShouldBe("Ambassador", "the form sends back the fields it did not change");
        details.Tags.ShouldBe(["council"]);
    }

    [Fact]
    public async Task a_target_is_added_to_a_list_and_removed_again_from_its_own_page()
    {
        var target = await browser.Api.PostAsync<Created>("/api/targets", new { name = Unique("Ghana") }, HttpStatusCode.Created);
        var listName = Unique("Council members");
        var list = await browser.Api.PostAsync<Created>("/api/target-lists", new { name = listName }, HttpStatusCode.Created);
        await using var tab = await browser.NewPageAsync();
        tab.AcceptConfirms = true;
        var page = tab.Page;
        (await tab.GoToAsync($"/targets/{target.Id}")).Status.ShouldBe(200);

        await page.GetByRole(AriaRole.Button, new() { Name = $"Add to {listName}" }).ClickAsync();
        var membership = page.Locator($"#target-lists li[data-list='{list.Id}']");
        await Assertions.Expect(membership).ToBeVisibleAsync();
        (await Members(list.Id)).ShouldBe([target.Id]);

        await membership.GetByRole(AriaRole.Button, new() { Name = "Remove from list" }).ClickAsync();
        await Assertions.Expect(membership).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Add to {listName}" })).ToBeVisibleAsync();
        (await Members(list.Id)).ShouldBeEmpty();
        tab.Dialogs.ShouldContain(d => d.Contains(listName), "removing asks first");
    }

    [Fact]
    public async Task targets_shown_on_the_targets_page_are_added_to_a_list_by_hand_and_a_member_is_removed_there()
    {
        var name = Unique("Chad");
        var target = await browser.Api.PostAsync<Created>("/api/targets", new { name }, HttpStatusCode.Created);
        var list = await browser.Api.PostAsync<Created>("/api/target-lists", new { name = Unique("Elected members") }, HttpStatusCode.Created);
        await using var tab = await browser.NewPageAsync();
        tab.AcceptConfirms = true;
        var page = tab.Page;
        (await tab.GoToAsync($"/targets?q={Uri.EscapeDataString(name)}")).Status.ShouldBe(200);
        var card = page.Locator($"article[data-list='{list.Id}']");

        await card.GetByText("Add targets shown above").ClickAsync();
        var form = card.Locator("form.add-members");
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for='targetIds']")).ToHaveTextAsync("must name at least one target");

        await form.GetByLabel(name).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Add to" }).ClickAsync();
        await Assertions.Expect(card.Locator("h3")).ToContainTextAsync("(1 members)");
        (await Members(list.Id)).ShouldBe([target.Id]);

        await card.GetByText("Members", new() { Exact = true }).ClickAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Remove" }).ClickAsync();
        await Assertions.Expect(card.Locator("h3")).ToContainTextAsync("(0 members)");
        (await Members(list.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_alias_is_registered_from_the_organization_page()
    {
        var org = await browser.Api.PostAsync<Created>("/api/organizations", new { name = Unique("Human Rights Watch") }, HttpStatusCode.Created);
        var alias = Unique("HRW");
        await using var tab = await browser.NewPageAsync();
        var page = tab.Page;
        (await tab.GoToAsync($"/organizations/{org.Id}")).Status.ShouldBe(200);
        var form = page.Locator($"form[data-post='/api/organizations/{org.Id}/aliases']");

        await form.GetByRole(AriaRole.Button, new() { Name = "Add alias" }).ClickAsync();
        await Assertions.Expect(form.Locator("[data-error-for='alias']")).Not.ToBeEmptyAsync();

        await form.Locator("#alias").FillAsync(alias);
        await form.GetByRole(AriaRole.Button, new() { Name = "Add alias" }).ClickAsync();
        await Assertions.Expect(page.GetByText(alias).First).ToBeVisibleAsync();
        (await browser.Api.GetAsync<OrganizationProfile>($"/api/organizations/{org.Id}")).Aliases.ShouldContain(alias);
    }

    private async Task<IReadOnlyList<Guid>> Members(Guid listId) =>
        (await browser.Api.GetAsync<TargetListDetails>($"/api/target-lists/{listId}")).Members.Select(m => m.Id).ToList();

    private record Created(Guid Id);
}
