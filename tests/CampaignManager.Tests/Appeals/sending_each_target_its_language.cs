using CampaignManager.Appeals;
using CampaignManager.Tests.Targets;

namespace CampaignManager.Tests.Appeals;

/// <summary>An appeal writes to each mission in its language of correspondence, with its form of address.</summary>
[Collection(AppealsCollection.Name)]
public class sending_each_target_its_language(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private Task Correspondence(Guid target, string? language, string? formOfAddress, int expected = 200) =>
        Host.Scenario(x =>
        {
            x.Post.Json(new { language, formOfAddress }).ToUrl($"/api/targets/{target}/correspondence");
            x.StatusCodeShouldBe(expected);
        });

    [Fact]
    public async Task an_appeal_sends_a_francophone_mission_the_french_text_and_says_which_text_it_sent()
    {
        var letter = await Host.DraftAsync();
        await Host.TranslateAsync(letter, "fr", body: "Nous demandons aux États-Unis de rester engagés.");
        await Host.TranslateAsync(letter, "es", sourceVersion: 1);
        await Host.ReviseAsync(letter, new { body = "We urge the United States to remain a member." }); // es is now stale
        await Host.ReviseTranslationAsync(letter, "fr", new { body = "Nous exhortons les États-Unis à rester membres." });
        foreach (var step in new[] { "open", "close", "finalize" }) await Host.LifecycleAsync(letter, step);

        var (senegal, senegalEmail) = await Host.TargetAsync("Senegal");
        var (peru, peruEmail) = await Host.TargetAsync("Peru");
        var (norway, norwayEmail) = await Host.TargetAsync("Norway");
        await Correspondence(senegal, "fr-SN", "Excellency");
        await Correspondence(peru, "es", null);
        await Correspondence(norway, "xx", null, expected: 400);

        var (appealId, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { senegal, peru, norway }, channel = "email" });

        var french = Smtp.MessagesTo(senegalEmail).ShouldHaveSingleItem().Message;
        french.TextBody.ShouldNotBeNull().ShouldContain("Nous exhortons les États-Unis à rester membres.");
        french.TextBody.ShouldContain("Excellency,\n\n");
        french.HtmlBody.ShouldNotBeNull().ShouldContain("<html lang=\"fr\">");
        french.Subject.ShouldBe("Membership (fr)");
        // the Spanish translation is stale: Peru gets the source text rather than words made from an older version
        Smtp.MessagesTo(peruEmail).ShouldHaveSingleItem().Message.TextBody.ShouldNotBeNull()
            .ShouldContain("We urge the United States to remain a member.");
        Smtp.MessagesTo(norwayEmail).ShouldHaveSingleItem().Message.TextBody.ShouldNotBeNull().ShouldNotContain("Excellency");

        var appeal = await Host.AppealAsync(appealId);
        appeal.Recipients.Select(r => (r.Name, r.Language)).ShouldBe([("Norway", "en"), ("Peru", "en"), ("Senegal", "fr")], ignoreOrder: true);
        (await Host.GetAsText($"/appeals/{appealId}")).ShouldContain("Sent in French (fr)");
    }
}
