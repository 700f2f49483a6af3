using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>The block read a page at a time: the same names in the same order as the whole block, however it is cut.</summary>
[Collection(SignaturesCollection.Name)]
public class paging_the_signatory_block(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly string[] Organizations =
        ["The Freedom House", "freedom house", "Amnesty International", "The ACLU", "Human Rights First", "the Carter Center"];

    private static readonly string[] Individuals =
        ["Victor Cha", "Roberta Cohen", "John Smith, Jr.", "Anna smith", "Émile Zola", "Zoë Ångström", "Sam Cha", "Lee Cohen PhD"];

    [Fact]
    public async Task pages_walked_through_the_cursor_equal_the_whole_block_with_pinned_withdrawn_and_reconfirmed_signatures()
    {
        var id = await Host.OpenDraftAsync();
        var signed = new List<SignatoryView>();
        foreach (var (name, i) in Organizations.Select((n, i) => (n, i)))
            signed.Add(await Host.SignAsync(id, LetterApi.Organization(name, email: $"org{i}@example.org")));
        foreach (var (name, i) in Individuals.Select((n, i) => (n, i)))
            signed.Add(await Host.SignAsync(id, LetterApi.Individual(name, null, "Univ", email: $"person{i}@example.org")));
        await Host.ReviseAsync(id, new { body = "A second text" });
        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{signed[3].Id}/reconfirm"));
        foreach (var gone in new[] { signed[1], signed[7], signed[10] })
            await Host.Scenario(x => x.Post.Json(new { reason = "board" }).ToUrl($"/api/letters/{id}/signatures/{gone.Id}/withdraw"));
        // one withdrawn signer signs again and is back in the block
        await Host.SignAsync(id, LetterApi.Individual(Individuals[1], null, "Univ", email: "person1@example.org"), expected: 200);
        // pinned: an individual, a withdrawn organization (left out of the block) and an organization, in that order
        await Host.Scenario(x => x.Post.Json(new { signatureIds = new[] { signed[9].Id, signed[10].Id, signed[4].Id } })
            .ToUrl($"/api/letters/{id}/signatory-order"));

        var whole = await Host.LetterAsync(id, $"?asOf={Uri.EscapeDataString(Fixture.Clock.GetUtcNow().ToString("O"))}");
        whole.Signatories.Count.ShouldBe(12);
        whole.Signatories.Take(2).Select(s => s.Id).ShouldBe([signed[9].Id, signed[4].Id]);
        foreach (var limit in new[] { 1, 2, 5, 11, 12, 100 })
            (await Host.BlockAsync(id, limit)).ShouldBe(whole.Signatories, $"pages of {limit}");
        var view = await Host.LetterAsync(id);
        view.Signatories.ShouldBe(whole.Signatories);
        view.Counts.ShouldBe(whole.Counts);
        view.NextSignatories.ShouldBeNull();
    }

    [Fact]
    public async Task counts_stay_right_when_signers_sign_and_withdraw_at_the_same_time()
    {
        var id = await Host.OpenDraftAsync();
        var first = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Host.SignAsync(id, LetterApi.Organization($"Org {i:000}", email: $"org{i}@example.org"))));

        var signing = Enumerable.Range(0, 200).Select(i => Host.Scenario(x =>
        {
            x.Post.Json(LetterApi.Individual($"Signer {i:000} Person", null, null, email: $"p{i}@example.org")).ToUrl($"/api/letters/{id}/signatures");
            x.StatusCodeShouldBe(201);
        }));
        var withdrawing = first.Take(25).Select(s => Host.Scenario(x =>
            x.Post.Json(new { reason = "changed our minds" }).ToUrl($"/api/letters/{id}/signatures/{s.Id}/withdraw")));
        await Task.WhenAll(signing.Concat(withdrawing));

        var view = await Host.LetterAsync(id);
        view.Counts.ShouldBe(new SignatureCounts(235, 35, 200, 0, 25));
        (await Host.BlockAsync(id, limit: 500)).Count.ShouldBe(235);
    }

    [Fact]
    public async Task the_letter_view_of_two_thousand_signatures_answers_one_bounded_page_and_exact_counts()
    {
        var id = await Host.OpenDraftAsync();
        await SeedAsync(id, 2000);

        var response = await Host.Scenario(x => x.Get.Url($"/api/letters/{id}"));
        var view = response.ReadAsJson<LetterDetails>()!;
        view.Counts.ShouldBe(new SignatureCounts(2000, 500, 1500, 0, 0));
        view.Signatories.Count.ShouldBe(SignatoryPages.DefaultLimit);
        view.Signatories.ShouldAllBe(s => s.Kind == SignatoryKind.Organization, "organizations open the block");
        view.NextSignatories.ShouldNotBeNull();
        // the answer carries one page, not 2,000 signatures: every signatory is ~300 bytes of JSON
        response.Context.Response.ContentLength.GetValueOrDefault(response.ReadAsText().Length).ShouldBeLessThan(60_000);
        (await Host.BlockAsync(id, limit: 500)).Select(s => s.Id).ShouldBe(
            (await Host.LetterAsync(id, $"?asOf={Uri.EscapeDataString(Fixture.Clock.GetUtcNow().AddSeconds(1).ToString("O"))}"))
            .Signatories.Select(s => s.Id));
    }

    [Fact]
    public async Task the_public_page_shows_the_count_and_one_page_and_a_plain_link_pages_on_to_the_last_name()
    {
        var id = await Host.OpenDraftAsync();
        await SeedAsync(id, SignatoryPages.DefaultLimit + 20);
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        var first = await Host.GetAsText(link);
        first.ShouldContain($"Signed so far ({SignatoryPages.DefaultLimit + 20})");
        System.Text.RegularExpressions.Regex.Count(first, "<li>Name ").ShouldBe(SignatoryPages.DefaultLimit);
        var more = System.Text.RegularExpressions.Regex.Match(first, "id=\"more-signatories\" href=\"([^\"]+)\"").Groups[1].Value;
        more.ShouldStartWith("?after=");

        var second = await Host.GetAsText(link + System.Net.WebUtility.HtmlDecode(more));
        System.Text.RegularExpressions.Regex.Count(second, "<li>Name ").ShouldBe(20);
        second.ShouldNotContain("more-signatories");
    }

    [Fact]
    public async Task the_staff_letter_page_lists_one_page_of_the_block_and_a_more_link_numbers_the_rest_on()
    {
        var id = await Host.OpenDraftAsync();
        await SeedAsync(id, SignatoryPages.DefaultLimit + 20);
        var whole = await Host.BlockAsync(id, limit: 500);

        var first = await Host.GetAsText($"/letters/{id}");
        first.ShouldContain($"Signatures ({SignatoryPages.DefaultLimit + 20})");
        System.Text.RegularExpressions.Regex.Count(first, "data-order-id=").ShouldBe(SignatoryPages.DefaultLimit);
        first.ShouldContain(">Pin order</button>");
        var more = System.Text.RegularExpressions.Regex.Match(first, "href=\"([^\"]+)\" id=\"more-signatories\"").Groups[1].Value;
        more.ShouldStartWith($"/letters/{id}?after=");

        // a browser keeps the fragment to itself; the test server would read it as part of the query
        var second = await Host.GetAsText(System.Net.WebUtility.HtmlDecode(more).Split('#')[0]);
        second.ShouldNotContain("more-signatories");
        second.ShouldNotContain("data-order-id=", customMessage: "positions are pinned from the first page only");
        second.ShouldContain($"<ol class=\"block printed\" id=\"signatory-block\" start=\"{SignatoryPages.DefaultLimit + 1}\">");
        System.Text.RegularExpressions.Regex.Matches(second, "<li>(Name [^<]*)</li>").Select(m => m.Groups[1].Value)
            .ShouldBe(whole.Skip(SignatoryPages.DefaultLimit).Select(s => s.PrintedLine));
    }

    [Fact]
    public async Task signatures_stored_before_sort_keys_existed_get_them_at_start_up_and_join_the_block()
    {
        var id = await Host.OpenDraftAsync();
        var signed = await Host.SignAsync(id, LetterApi.Organization("The Carter Center"));
        await using (var session = Store.LightweightSession())
        {
            session.QueueSqlCommand($"update {Store.Options.DatabaseSchemaName}.mt_doc_signature " +
                "set sort_key = null, data = data - 'sortKey' where id = ?", signed.Id);
            await session.SaveChangesAsync();
        }
        (await Host.BlockAsync(id)).ShouldBeEmpty();

        await new SignatureSortKeysBackfill().Populate(Store, CancellationToken.None);

        (await Host.BlockAsync(id)).Select(s => s.Id).ShouldBe([signed.Id]);
        await using var query = Store.QuerySession();
        (await query.LoadAsync<Signature>(signed.Id))!.SortKey.ShouldBe(SignatoryOrder.SortKey(SignatoryKind.Organization, "The Carter Center"));
    }

    [Fact]
    public async Task a_cursor_the_server_did_not_hand_out_or_a_limit_past_the_maximum_is_a_400()
    {
        var id = await Host.OpenDraftAsync();
        await Host.Scenario(x => { x.Get.Url($"/api/letters/{id}/signatories?after=bm90LWEtY3Vyc29y"); x.StatusCodeShouldBe(400); });
        await Host.Scenario(x => { x.Get.Url($"/api/letters/{id}/signatories?limit=501"); x.StatusCodeShouldBe(400); });
        await Host.Scenario(x => { x.Get.Url($"/api/letters/{Guid.NewGuid()}/signatories"); x.StatusCodeShouldBe(404); });
    }

    /// <summary>Signatures written through the real events and inline projection, without 2,000 HTTP round trips.</summary>
    private async Task SeedAsync(Guid letterId, int count)
    {
        await using var session = Store.LightweightSession();
        foreach (var i in Enumerable.Range(0, count))
        {
            var signature = Guid.NewGuid();
            session.Events.StartStream<Signature>(signature, new SignatureAdded(signature, letterId,
                i % 4 == 0 ? SignatoryKind.Organization : SignatoryKind.Individual, $"Name {i:0000} Person", null, null,
                false, null, 1, "bulk", Fixture.Clock.GetUtcNow()));
        }
        await session.SaveChangesAsync();
    }
}
