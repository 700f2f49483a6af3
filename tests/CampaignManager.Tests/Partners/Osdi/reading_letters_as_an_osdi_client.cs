using System.Text.Json;
using CampaignManager.Tests.Campaigns;
using CampaignManager.Tests.Letters;
using CampaignManager.Tests.Staff;

namespace CampaignManager.Tests.Partners.Osdi;

/// <summary>Issue #22: an OSDI client reads letters as petitions and their signatures with OSDI's names and paging.</summary>
[Collection(LettersUiCollection.Name)]
public class reading_letters_as_an_osdi_client(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<JsonElement> HalAsync(string url, Action<Scenario>? more = null)
    {
        var result = await Scenario(x =>
        {
            more?.Invoke(x);
            x.Get.Url(url);
            x.StatusCodeShouldBe(200);
        });
        result.Context.Response.ContentType.ShouldStartWith("application/hal+json");
        return JsonDocument.Parse(result.ReadAsText()).RootElement;
    }

    private static string PathOf(JsonElement link) => new Uri(link.GetProperty("href").GetString()!).PathAndQuery;

    [Fact]
    public async Task the_entry_point_leads_to_the_letter_and_its_counted_signatures_a_page_at_a_time()
    {
        var id = await Host.OpenDraftAsync();
        var hrw = await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch", "hrw@example.org"));
        await Host.SignAsync(id, new { kind = "individual", name = "Tomás Ojea Quintana", familyName = "Ojea Quintana", title = "Professor", email = "tomas@example.org" });
        var gone = await Host.SignAsync(id, LetterApi.Individual("Jane Roe", null, null));
        await Scenario(x =>
        {
            x.Post.Json(new { reason = "asked to be removed" }).ToUrl($"/api/letters/{id}/signatures/{gone.Id}/withdraw");
            x.StatusCodeShouldBe(200);
        });

        var entry = await HalAsync("/api/osdi/v1");
        var petitions = PathOf(entry.GetProperty("_links").GetProperty("osdi:petitions"));
        var listed = (await HalAsync(petitions + "?per_page=100")).GetProperty("_embedded").GetProperty("osdi:petitions");
        listed.EnumerateArray().ShouldContain(p => p.GetProperty("identifiers")[0].GetString() == $"campaignmanager:{id}");
        var petition = await HalAsync($"{petitions}/{id}");
        petition.GetProperty("identifiers")[0].GetString().ShouldBe($"campaignmanager:{id}");
        petition.GetProperty("total_signatures").GetInt32().ShouldBe(2, "the withdrawn signature does not count");

        var first = await HalAsync(PathOf(petition.GetProperty("_links").GetProperty("osdi:signatures")) + "?per_page=1");
        (first.GetProperty("total_records").GetInt64(), first.GetProperty("total_pages").GetInt32(), first.GetProperty("page").GetInt32()).ShouldBe((2, 2, 1));
        var hrwRecord = first.GetProperty("_embedded").GetProperty("osdi:signatures").EnumerateArray().ShouldHaveSingleItem();
        hrwRecord.GetProperty("identifiers")[0].GetString().ShouldBe($"campaignmanager:{hrw.Id}");
        hrwRecord.GetProperty("custom_fields").GetProperty("signatory_kind").GetString().ShouldBe("organization");
        hrwRecord.GetProperty("_embedded").GetProperty("osdi:person").GetProperty("employer").GetString().ShouldBe("Human Rights Watch");
        first.GetProperty("_links").TryGetProperty("previous", out var none).ShouldBeTrue();
        none.ValueKind.ShouldBe(JsonValueKind.Null);

        var second = await HalAsync(PathOf(first.GetProperty("_links").GetProperty("next")));
        second.GetProperty("page").GetInt32().ShouldBe(2);
        var person = second.GetProperty("_embedded").GetProperty("osdi:signatures")[0].GetProperty("_embedded").GetProperty("osdi:person");
        (person.GetProperty("given_name").GetString(), person.GetProperty("family_name").GetString()).ShouldBe(("Tomás", "Ojea Quintana"));
        person.GetProperty("email_addresses")[0].GetProperty("address").GetString().ShouldBe("tomas@example.org");
        second.GetProperty("_links").GetProperty("next").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task an_osdi_client_signs_in_with_the_osdi_api_token_header()
    {
        var token = await Host.IssueTokenAsync(await Host.CreateAccountAsync("osdi.sync", "viewer"));

        var entry = await HalAsync("/api/osdi/v1", x => x.WithRequestHeader("OSDI-API-Token", token.Token));
        entry.GetProperty("_links").GetProperty("osdi:petitions").GetProperty("href").GetString()!.ShouldEndWith("/api/osdi/v1/petitions");
        await Scenario(x =>
        {
            x.WithRequestHeader("OSDI-API-Token", "not-a-token");
            x.Get.Url("/api/osdi/v1");
            x.StatusCodeShouldBe(401);
        });
    }

    [Fact]
    public async Task a_campaign_is_an_advocacy_campaign_with_its_targets_and_its_letters_as_petitions()
    {
        var campaign = await Host.LaunchAsync("Keep the Council meeting on the agenda", "UN Security Council");
        var letter = await Host.OpenDraftAsync();
        await Host.AttachAsync(campaign, letter);
        var target = await Host.TargetAsync("Permanent Mission of Chad to the United Nations");
        await Host.PositionAsync(campaign, target, "opposes", "2014-12-22");

        var found = await HalAsync($"/api/osdi/v1/advocacy_campaigns/{campaign}");

        found.GetProperty("title").GetString().ShouldBe("Keep the Council meeting on the agenda");
        found.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .ShouldBe(["Permanent Mission of Chad to the United Nations"]);
        found.GetProperty("_links").GetProperty("osdi:petitions").EnumerateArray().Select(PathOf)
            .ShouldBe([$"/api/osdi/v1/petitions/{letter}"]);
    }

    [Theory]
    [InlineData("/api/osdi/v1/petitions?per_page=101", "per_page")]
    [InlineData("/api/osdi/v1/advocacy_campaigns?page=0", "page")]
    public async Task a_page_out_of_range_is_a_400_naming_the_parameter(string url, string field)
    {
        var result = await Scenario(x =>
        {
            x.Get.Url(url);
            x.StatusCodeShouldBe(400);
        });
        JsonDocument.Parse(result.ReadAsText()).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task an_unknown_petition_is_a_404_problem()
    {
        await Scenario(x =>
        {
            x.Get.Url($"/api/osdi/v1/petitions/{Guid.NewGuid()}/signatures");
            x.StatusCodeShouldBe(404);
        });
    }
}
