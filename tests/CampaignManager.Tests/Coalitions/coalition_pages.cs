using CampaignManager.Tests.Campaigns;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Coalitions;

[Collection(CampaignsUiCollection.Name)]
public class coalition_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<Guid> RegisterAsync(string name) =>
        (await Host.PostAsync("/api/organizations", new { name }, 201)).ReadAsJson<Created>()!.Id;

    [Fact]
    public async Task the_heatmap_counts_one_letter_for_two_co_signers_and_zero_for_a_pair_that_never_signed_together()
    {
        var together = await Host.DraftAsync(title: "Stay on the Council");
        await Host.LifecycleAsync(together, "open");
        await Host.SignAsync(together, Organization("Human Rights Watch"));
        await Host.SignAsync(together, Organization("Amnesty International USA"));
        var alone = await Host.OpenDraftAsync();
        await Host.SignAsync(alone, Organization("Freedom House"));
        await Host.CatchUpAsync();

        var html = await Host.PageAsync("/coalitions");

        html.ShouldContain("data-row=\"Human Rights Watch\" data-col=\"Amnesty International USA\" data-count=\"1\" " +
                           "title=\"Human Rights Watch and Amnesty International USA: Stay on the Council\"");
        html.ShouldContain("data-row=\"Human Rights Watch\" data-col=\"Freedom House\" data-count=\"0\"");
    }

    [Fact]
    public async Task an_organization_named_with_a_script_tag_is_encoded_on_every_coalition_page()
    {
        var evil = await RegisterAsync("<script>alert('x')</script> Org");
        var letter = await Host.OpenDraftAsync();
        await Host.SignAsync(letter, Organization("<script>alert('x')</script> Org"));
        await Host.SignAsync(letter, Organization("Human Rights Watch"));
        await Host.CatchUpAsync();

        foreach (var url in new[] { "/organizations", $"/organizations/{evil}", "/coalitions" })
        {
            var html = await Host.PageAsync(url);
            html.ShouldNotContain("<script>alert");
            html.ShouldContain("&lt;script&gt;alert(");
        }
    }

    [Fact]
    public async Task the_organization_profile_tells_letters_signed_as_organization_from_those_through_affiliated_individuals()
    {
        var jbi = await RegisterAsync("Jacob Blaustein Institute");
        var duplicate = await RegisterAsync("Blaustein Institute");
        var letter = await Host.DraftAsync(title: "Reconsider the withdrawal");
        await Host.LifecycleAsync(letter, "open");
        await Host.SignAsync(letter, Organization("Jacob Blaustein Institute"));
        await Host.SignAsync(letter, Individual("Felice Gaer", "Director", "Jacob Blaustein Institute", forIdentificationOnly: true));
        await Host.CatchUpAsync();

        var html = await Host.PageAsync($"/organizations/{jbi}");

        html.ShouldContain("Letters signed as organization");
        html.ShouldContain("Letters signed through affiliated individuals");
        html.ShouldContain("Felice Gaer, Director");
        html.ShouldContain("for identification only");
        html.ShouldContain(">Add alias</button>");
        html.ShouldContain($"<option value=\"{duplicate}\">Blaustein Institute</option>");
        html.ShouldContain(">Merge into this organization</button>");

        var list = await Host.PageAsync("/organizations");
        list.ShouldContain($"<a href=\"/organizations/{jbi}\">Jacob Blaustein Institute</a>");
    }
}
