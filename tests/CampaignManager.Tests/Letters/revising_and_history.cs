using CampaignManager.Letters;

namespace CampaignManager.Tests.Letters;

[Collection(IntegrationCollection.Name)]
public class revising_and_history(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task a_revision_makes_a_new_text_version_and_records_what_changed()
    {
        var id = await Host.DraftAsync();
        var result = await Host.ReviseAsync(id, new { body = "A sharper second paragraph.", subject = "U.S. membership of the UN Human Rights Council", note = "tightened" });

        var accepted = result.ReadAsJson<LetterRevisionAccepted>()!;
        accepted.TextVersion.ShouldBe(2);
        accepted.Changed.ShouldBe(["body"]); // the subject was resent unchanged

        var letter = await Host.LetterAsync(id);
        letter.TextVersion.ShouldBe(2);
        letter.Body.ShouldBe("A sharper second paragraph.");
        letter.Title.ShouldBe("Reconsider the withdrawal");
    }

    [Fact]
    public async Task a_revision_that_changes_nothing_is_a_400()
    {
        var id = await Host.DraftAsync();
        await Host.ReviseAsync(id, new { title = "Reconsider the withdrawal" }, expected: 400);
        (await Host.LetterAsync(id)).TextVersion.ShouldBe(1);
    }

    [Fact]
    public async Task a_revision_based_on_an_outdated_version_is_rejected_with_409()
    {
        var id = await Host.DraftAsync();
        await Host.ReviseAsync(id, new { body = "Alice's edit", basedOnVersion = 1 });
        await Host.ReviseAsync(id, new { body = "Bob's edit from the old version", basedOnVersion = 1 }, expected: 409);
        (await Host.LetterAsync(id)).Body.ShouldBe("Alice's edit");
    }

    [Fact]
    public async Task staff_revising_the_same_version_at_once_never_lose_an_edit_silently()
    {
        var id = await Host.DraftAsync();
        var edits = Enumerable.Range(1, 8).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(new { body = $"edit {i}", basedOnVersion = 1 }).ToUrl($"/api/letters/{id}/revisions");
            x.IgnoreStatusCode();
        }));
        var codes = (await Task.WhenAll(edits)).Select(r => r.Context.Response.StatusCode).ToList();

        codes.Count(c => c == 200).ShouldBe(1);
        codes.Count(c => c == 409).ShouldBe(7);
        var letter = await Host.LetterAsync(id);
        letter.TextVersion.ShouldBe(2);
    }

    [Fact]
    public async Task the_history_lists_every_event_with_who_and_when()
    {
        var id = await Host.DraftAsync();
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        await Host.Scenario(x =>
        {
            x.WithRequestHeader(TestStaffAuthentication.Header, "maria.staff");
            x.Post.Json(new { body = "Second draft" }).ToUrl($"/api/letters/{id}/revisions");
        });
        await Host.LifecycleAsync(id, "open");
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));

        var history = (await Host.GetAsJson<JsonElement[]>($"/api/letters/{id}/history"))!;
        history.Select(h => h.GetProperty("event").GetString())
            .ShouldBe(["LetterDrafted", "LetterRevised", "LetterOpenedForSignatures", "SignatureAdded"]);
        history[1].GetProperty("by").GetString().ShouldBe("maria.staff", history[1].ToString());
        history[0].GetProperty("by").GetString().ShouldBe(TestStaffAuthentication.DefaultUser);
        history[1].GetProperty("at").GetDateTimeOffset().ShouldBe(Fixture.Clock.GetUtcNow());
        history[1].GetProperty("summary").GetString()!.ShouldContain("changed body");
    }

    [Fact]
    public async Task a_letter_read_as_of_a_past_moment_shows_the_text_and_signatures_of_that_moment()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        var beforeRevision = Fixture.Clock.GetUtcNow();

        Fixture.Clock.Advance(TimeSpan.FromDays(2));
        await Host.ReviseAsync(id, new { body = "Revised text" });
        await Host.SignAsync(id, LetterApi.Organization("Human Rights First"));

        var then = await Host.LetterAsync(id, $"?asOf={Uri.EscapeDataString(beforeRevision.ToString("O"))}");
        then.TextVersion.ShouldBe(1);
        then.Body.ShouldStartWith("Dear Secretary Pompeo");
        then.Signatories.Select(s => s.Name).ShouldBe(["Freedom House"]);
        then.Signatories[0].NeedsReconfirmation.ShouldBeFalse();

        var now = await Host.LetterAsync(id);
        now.TextVersion.ShouldBe(2);
        now.Signatories.Select(s => s.Name).ShouldBe(["Freedom House", "Human Rights First"]);
        now.Signatories.Single(s => s.Name == "Freedom House").NeedsReconfirmation.ShouldBeTrue();

        await Host.Scenario(x => { x.Get.Url($"/api/letters/{id}?asOf=2000-01-01"); x.StatusCodeShouldBe(404); });
    }

    [Fact]
    public async Task letters_are_listed_by_status_and_found_by_words_in_title_or_subject()
    {
        var open = await Host.OpenDraftAsync();
        await Host.DraftAsync(title: "North Korea at the General Assembly");

        var openOnly = (await Host.GetAsJson<PageOf<LetterSummary>>("/api/letters?status=open"))!;
        openOnly.Items.Select(x => x.Id).ShouldBe([open]);

        var found = (await Host.GetAsJson<PageOf<LetterSummary>>("/api/letters?q=north%20korea"))!;
        found.Total.ShouldBe(1);
        found.Items[0].Title.ShouldBe("North Korea at the General Assembly");

        await Host.Scenario(x => { x.Get.Url("/api/letters?status=archived"); x.StatusCodeShouldBe(400); });
    }
}
