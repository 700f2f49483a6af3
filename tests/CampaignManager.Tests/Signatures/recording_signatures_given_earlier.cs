using CampaignManager.Signatures;
using CampaignManager.Tests.Targets;
using static CampaignManager.Tests.Hosting.LetterApi;

namespace CampaignManager.Tests.Signatures;

/// <summary>A signature given on paper and typed in later counts, in "as of" views, from the day it was given.</summary>
[Collection(SignaturesCollection.Name)]
public class recording_signatures_given_earlier(AppFixture fixture) : IntegrationContext(fixture)
{
    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd");

    [Fact]
    public async Task an_imported_signed_on_day_places_the_signature_by_that_day_in_the_letter_as_of_views()
    {
        var id = await Host.OpenDraftAsync();
        var opened = Fixture.Clock.GetUtcNow();
        Fixture.Clock.Advance(TimeSpan.FromDays(10));
        var report = (await Host.Scenario(x => x.PostBody($"/api/letters/{id}/signatures/import", "text/csv", Encoding.UTF8.GetBytes(
            $"kind,name,signed_on\norganization,Paper Signer,{Day(opened.AddDays(1))}\norganization,Typed Today,\norganization,Bad Day,21/12/2014\n"))))
            .ReadAsJson<SignatureImportReport>()!;
        report.Errors.ShouldHaveSingleItem().Field.ShouldBe("signedOn");

        var asOf = Uri.EscapeDataString(opened.AddDays(2).ToString("O"));
        (await Host.LetterAsync(id, $"?asOf={asOf}")).Signatories.Select(s => s.Name).ShouldBe(["Paper Signer"]);
        (await Host.Scenario(x => x.Get.Url($"/letters/{id}/history?asOf={asOf}"))).ReadAsText().ShouldContain("Paper Signer");
        var now = await Host.LetterAsync(id);
        now.Signatories.Select(s => s.Name).ShouldBe(["Paper Signer", "Typed Today"]);
        now.Signatories[0].SignedOn.ShouldBe(DateOnly.FromDateTime(opened.AddDays(1).UtcDateTime));
    }

    [Fact]
    public async Task a_signed_on_day_still_to_come_is_a_400_naming_the_field()
    {
        var id = await Host.OpenDraftAsync();
        var tomorrow = Day(Fixture.Clock.GetUtcNow().AddDays(1));
        var result = await Host.Scenario(x =>
        {
            x.Post.Json(new { kind = "organization", name = "Time Traveller", signedOn = tomorrow }).ToUrl($"/api/letters/{id}/signatures");
            x.StatusCodeShouldBe(400);
        });
        result.ReadAsJson<ValidationProblem>()!.Errors!.Keys.ShouldBe(["signedOn"]);
    }
}
