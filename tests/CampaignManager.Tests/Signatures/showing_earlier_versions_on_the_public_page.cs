using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// After a revision the public page shows the new text, while the names under it signed an older one. It must say so:
/// either each such name is marked with the version it signed and the count says how many, or (the letter's choice)
/// only signatures on the current version are counted and listed.
/// </summary>
[Collection(SignaturesCollection.Name)]
public class showing_earlier_versions_on_the_public_page(AppFixture fixture) : IntegrationContext(fixture)
{
    private async Task<(Guid Id, string Link, SignatoryView Hrw)> RevisedAfterThreeSignedAsync()
    {
        var id = await Host.OpenDraftAsync();
        var hrw = await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await Host.SignAsync(id, LetterApi.Organization("Amnesty International"));
        await Host.SignAsync(id, LetterApi.Individual("Roberta Cohen", "Co-Chair", "Committee for Human Rights in North Korea"));
        await Host.ReviseAsync(id, new { body = "Dear Secretary,\n\nWe urge the United States to remain a member." });
        return (id, (await Host.LetterAsync(id)).PublicSignOnUrl!, hrw);
    }

    private Task<IScenarioResult> DisplayAsync(Guid id, object body, int expected = 200) =>
        Host.Scenario(x => { x.Post.Json(body).ToUrl($"/api/letters/{id}/public-signatory-display"); x.StatusCodeShouldBe(expected); });

    [Fact]
    public async Task by_default_names_that_signed_an_earlier_version_are_marked_and_counted_apart()
    {
        var (id, link, hrw) = await RevisedAfterThreeSignedAsync();
        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{hrw.Id}/reconfirm"));

        var page = await Host.GetAsText(link);

        page.ShouldContain("<h2>Signed so far (3, 2 of them an earlier version)</h2>");
        page.ShouldContain("3 signed, 2 of them an earlier version of this text, marked with the version they signed.");
        page.ShouldContain("<li>Amnesty International <span class=\"signed-earlier\">(signed version 1)</span></li>");
        page.ShouldContain("<li>Roberta Cohen, Co-Chair, Committee for Human Rights in North Korea <span class=\"signed-earlier\">(signed version 1)</span></li>");
        // re-confirmed on the text the page shows: a current signer, unmarked
        page.ShouldContain("<li>Human Rights Watch</li>");
        page.ShouldNotContain("Signed so far (3)</h2>");
        (await Host.LetterAsync(id)).PublicSignatoryDisplay.ShouldBe(PublicSignatoryDisplay.MarkEarlierVersions);
    }

    [Fact]
    public async Task the_marks_speak_the_visitors_language_like_the_rest_of_the_page()
    {
        var (id, link, _) = await RevisedAfterThreeSignedAsync();
        await Host.TranslateAsync(id, "fr", body: "Monsieur le Secrétaire,\n\nNous demandons aux États-Unis de rester membres.");

        var page = await (await Host.Scenario(x =>
        {
            x.Get.Url(link);
            x.WithRequestHeader("Accept-Language", "fr-FR");
        })).ReadAsTextAsync();

        page.ShouldContain("<html lang=\"fr\"");
        page.ShouldContain("dont 3 sur une version antérieure)</h2>");
        page.ShouldContain("<li>Amnesty International <span class=\"signed-earlier\">(a signé la version 1)</span></li>");
        page.ShouldNotContain("signed version 1");
    }

    [Fact]
    public async Task a_letter_can_count_and_list_only_the_signatures_on_its_current_version()
    {
        var (id, link, hrw) = await RevisedAfterThreeSignedAsync();
        await DisplayAsync(id, new { mode = "currentVersionOnly" });

        var none = await Host.GetAsText(link);
        none.ShouldContain("<h2>Signed version 2 so far (0)</h2>");
        none.ShouldNotContain("Human Rights Watch");
        none.ShouldNotContain("Amnesty International");

        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{hrw.Id}/reconfirm"));
        await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        var page = await Host.GetAsText(link);

        page.ShouldContain("<h2>Signed version 2 so far (2)</h2>");
        page.ShouldContain("Only signatures on version 2 are counted here.");
        page.ShouldContain("<li>Human Rights Watch</li>");
        page.ShouldContain("<li>Freedom House</li>");
        page.ShouldNotContain("Amnesty International");
        page.ShouldNotContain("Roberta Cohen");
        page.ShouldNotContain("signed version 1");

        var letter = await Host.LetterAsync(id);
        letter.PublicSignatoryDisplay.ShouldBe(PublicSignatoryDisplay.CurrentVersionOnly);
        letter.Signatories.Count.ShouldBe(4, "staff still see every signature; only the public page leaves the earlier ones out");
        var history = (await Host.GetAsJson<List<HistoryLine>>($"/api/letters/{id}/history"))!;
        history.Single(h => h.Event == nameof(PublicSignatoryDisplaySet)).ShouldBe(new HistoryLine(nameof(PublicSignatoryDisplaySet),
            "The public page now counts and lists only signatures on the current version", "test.editor"));
    }

    [Fact]
    public async Task only_the_current_version_pages_through_the_current_signers_alone()
    {
        var id = await Host.OpenDraftAsync();
        for (var i = 0; i < 30; i++) await Host.SignAsync(id, LetterApi.Organization($"Early Signer {i:00}"));
        await Host.ReviseAsync(id, new { body = "A second text" });
        for (var i = 0; i < 105; i++) await Host.SignAsync(id, LetterApi.Organization($"Late Signer {i:000}"));
        await DisplayAsync(id, new { mode = "currentVersionOnly" });
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        var first = await Host.GetAsText(link);
        var next = Regex.Match(first, "id=\"more-signatories\" href=\"([^\"]+)\"").Groups[1].Value.Replace("&amp;", "&");
        var second = await Host.GetAsText(link + next);

        first.ShouldContain("<h2>Signed version 2 so far (105)</h2>");
        Regex.Matches(first + second, "<li>Late Signer").Count.ShouldBe(105);
        (first + second).ShouldNotContain("Early Signer");
    }

    [Fact]
    public async Task under_embargo_the_count_still_says_how_many_signed_an_earlier_version()
    {
        var (id, link, _) = await RevisedAfterThreeSignedAsync();
        await Host.LifecycleAsync(id, "embargo-signatories");

        var marked = await Host.GetAsText(link);
        marked.ShouldContain("<h2>Signed so far (3, 3 of them an earlier version)</h2>");
        marked.ShouldNotContain("Human Rights Watch");

        await DisplayAsync(id, new { mode = "currentVersionOnly" });
        (await Host.GetAsText(link)).ShouldContain("<h2>Signed version 2 so far (0)</h2>");
    }

    [Fact]
    public async Task the_setting_needs_a_known_mode_records_nothing_when_unchanged_and_cannot_change_a_final_letter()
    {
        var (id, _, _) = await RevisedAfterThreeSignedAsync();
        var missing = await DisplayAsync(id, new { }, 400);
        (await missing.ReadAsTextAsync()).ShouldContain("\"mode\"");
        await DisplayAsync(id, new { mode = "everyone" }, 400);

        var before = (await Host.GetAsJson<List<HistoryLine>>($"/api/letters/{id}/history"))!.Count;
        await DisplayAsync(id, new { mode = "markEarlierVersions" });
        (await Host.GetAsJson<List<HistoryLine>>($"/api/letters/{id}/history"))!.Count.ShouldBe(before);

        await Host.LifecycleAsync(id, "close");
        await Host.Scenario(x => x.Post.Json(new { unconfirmed = "keep" }).ToUrl($"/api/letters/{id}/finalize"));
        await DisplayAsync(id, new { mode = "currentVersionOnly" }, 409);
    }

    [Fact]
    public async Task the_letter_page_shows_the_setting_and_offers_the_other_one()
    {
        var id = await Host.OpenDraftAsync();
        var marking = await Host.GetAsText($"/letters/{id}");
        marking.ShouldContain("marking those on an earlier version with the version signed.");
        marking.ShouldContain($"data-post=\"/api/letters/{id}/public-signatory-display\" data-body='{{\"mode\":\"currentVersionOnly\"}}'>Count only the current version</button>");

        await DisplayAsync(id, new { mode = "currentVersionOnly" });
        var current = await Host.GetAsText($"/letters/{id}");
        current.ShouldContain("The public page counts and lists only signatures on the current version.");
        current.ShouldContain($"data-body='{{\"mode\":\"markEarlierVersions\"}}'>Show earlier versions too, marked</button>");
    }

    private sealed record HistoryLine(string Event, string Summary, string By);
}
