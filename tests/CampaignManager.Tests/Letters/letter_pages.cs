namespace CampaignManager.Tests.Letters;

/// <summary>The staff pages as a browser first receives them: what is offered, what is listed, what is encoded.</summary>
[Collection(LettersUiCollection.Name)]
public partial class letter_pages(AppFixture fixture) : IntegrationContext(fixture)
{
    private Task<string> PageAsync(string url) => Host.GetAsText(url);

    [Fact]
    public async Task the_list_shows_each_letter_with_status_version_and_signatories_and_filters_by_status()
    {
        var draft = await Host.DraftAsync("Keep the Council seat");
        var open = await Host.OpenDraftAsync();
        await Host.SignAsync(open, LetterApi.Organization("Human Rights Watch"));

        var all = await PageAsync("/letters");
        all.ShouldContain($"<a href=\"/letters/{draft}\">Keep the Council seat</a>");
        all.ShouldContain($"<a href=\"/letters/{open}\">");
        all.ShouldContain("<a class=\"button\" href=\"/letters/new\">New letter</a>");

        var onlyOpen = await PageAsync("/letters?status=open");
        onlyOpen.ShouldContain($"/letters/{open}");
        onlyOpen.ShouldNotContain($"/letters/{draft}");
        onlyOpen.ShouldContain("<option value=\"open\" selected=\"selected\">");

        var searched = await PageAsync("/letters?q=council+seat");
        searched.ShouldContain($"/letters/{draft}");
        searched.ShouldNotContain($"/letters/{open}");
    }

    [Fact]
    public async Task the_new_letter_form_labels_every_field_and_posts_to_the_draft_command()
    {
        var page = await PageAsync("/letters/new");
        foreach (var (id, label) in new[] { ("title", "Title"), ("subject", "Subject"), ("closing", "Closing"),
                     ("addressees-0-name", "Addressee name"), ("addressees-0-title", "Addressee title"),
                     ("addressees-0-organization", "Addressee organization"), ("addressees-0-address", "Addressee address") })
            page.ShouldContain($"<label for=\"{id}\">{label}</label>");
        page.ShouldContain("<label for=\"body\">Body");
        page.ShouldContain("data-preview=\"body-preview\"");
        page.ShouldContain("data-post=\"/api/letters\"");
        page.ShouldContain("Add addressee");
        page.ShouldContain(">Save draft</button>");
    }

    [Fact]
    public async Task a_draft_offers_opening_and_editing_but_not_closing_finalizing_or_a_public_link()
    {
        var id = await Host.DraftAsync();
        var page = await PageAsync($"/letters/{id}");

        page.ShouldContain(">Open for signatures</button>");
        page.ShouldContain("<label for=\"deadline\">Deadline");
        page.ShouldContain($"data-post=\"/api/letters/{id}/public-sign-on-approval\" data-body='{{\"required\":false}}'>Count them at once</button>");
        page.ShouldContain($"href=\"/letters/{id}/edit\">Edit text</a>");
        page.ShouldNotContain(">Close signatures</button>");
        page.ShouldNotContain(">Finalize</button>");
        page.ShouldNotContain("Public sign-on link");
        page.ShouldNotContain("Send as appeal");
        page.ShouldNotContain(">Add signature</button>");
    }

    [Fact]
    public async Task an_open_letter_offers_closing_the_public_link_and_the_signature_forms()
    {
        var id = await Host.OpenDraftAsync();
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        var page = await PageAsync($"/letters/{id}");

        page.ShouldContain(">Close signatures</button>");
        page.ShouldNotContain(">Open for signatures</button>");
        page.ShouldNotContain(">Finalize</button>");
        page.ShouldContain("<label for=\"public-link\">Public sign-on link</label>");
        page.ShouldContain(link);
        page.ShouldContain(">Add signature</button>");
        page.ShouldContain("data-post=\"/api/letters/" + id + "/signatures/import\" data-then=\"reload-report\"");
        page.ShouldContain("affiliation for identification only");
    }

    [Fact]
    public async Task a_closed_letter_offers_reopening_and_finalizing_and_a_final_one_only_sending_as_an_appeal()
    {
        var id = await Host.OpenDraftAsync();
        await Host.LifecycleAsync(id, "close");
        var closed = await PageAsync($"/letters/{id}");
        closed.ShouldContain(">Open for signatures</button>");
        closed.ShouldContain(">Finalize</button>");
        closed.ShouldNotContain(">Close signatures</button>");
        closed.ShouldNotContain("Public sign-on link");
        closed.ShouldNotContain("Send as appeal");

        await Host.LifecycleAsync(id, "finalize");
        var final = await PageAsync($"/letters/{id}");
        final.ShouldContain($"<a class=\"button primary\" href=\"/letters/{id}/appeals/new\">Send as appeal</a>");
        foreach (var gone in new[] { ">Open for signatures</button>", ">Close signatures</button>", ">Finalize</button>", "Edit text", ">Withdraw</button>" })
            final.ShouldNotContain(gone);
        final.ShouldContain($"href=\"/letters/{id}/print\"");
        final.ShouldContain($"href=\"/api/letters/{id}/export.docx\"");
        final.ShouldContain($"href=\"/api/letters/{id}/signatories.csv\"");
    }

    [Fact]
    public async Task public_sign_ons_awaiting_approval_are_listed_with_approve_and_reject_and_the_block_prints_in_order()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, LetterApi.Individual("Jane Doe", "Professor", "Example University", forIdentificationOnly: true));
        await Host.SignAsync(id, LetterApi.Organization("Amnesty International"));
        await PublicSignOnAsync((await Host.LetterAsync(id)).PublicSignOnUrl!, ("Form.Kind", "organization"), ("Form.Name", "Totally Real NGO"), ("Form.Consent", "true"));
        var pending = (await Host.LetterAsync(id)).AwaitingApproval.Single();

        var page = await PageAsync($"/letters/{id}");
        var awaiting = Section(page, "awaiting-approval");
        awaiting.ShouldContain("Totally Real NGO");
        awaiting.ShouldContain($"data-post=\"/api/letters/{id}/signatures/{pending.Id}/approve\">Approve</button>");
        awaiting.ShouldContain($"data-post=\"/api/letters/{id}/signatures/{pending.Id}/reject\"");
        Regex.Matches(Section(page, "signatory-block"), "<li>(.*?)</li>").Select(m => m.Groups[1].Value)
            .ShouldBe(["Amnesty International", "Jane Doe, Professor, Example University*"]);
        page.ShouldContain(">Withdraw</button>");
        page.ShouldContain(">Pin order</button>");
    }

    [Fact]
    public async Task a_signer_of_an_older_version_is_flagged_for_reconfirmation()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        await Host.ReviseAsync(id, new { body = "A stronger second version." });

        var page = await PageAsync($"/letters/{id}");
        page.ShouldContain("needs re-confirmation");
        page.ShouldContain("1</strong> signer needs to re-confirm on version 2");
        page.ShouldContain("/reconfirm\">Mark re-confirmed</button>");
    }

    [Fact]
    public async Task an_injected_script_in_a_signer_name_or_the_body_is_shown_as_text()
    {
        var id = await Host.DraftAsync(body: "Dear Secretary,\n\n<script>alert('body')</script>\n\n[click](javascript:alert(1))");
        await Host.LifecycleAsync(id, "open");
        await Host.SignAsync(id, LetterApi.Organization("<script>alert('name')</script>"));

        var page = await PageAsync($"/letters/{id}");
        page.ShouldNotContain("<script>alert");
        page.ShouldContain("&lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;");
        page.ShouldContain("&lt;script&gt;alert(");
        page.ShouldNotContain("javascript:alert");

        var history = await PageAsync($"/letters/{id}/history");
        history.ShouldNotContain("<script>alert");
    }

    [Fact]
    public async Task the_edit_form_is_prefilled_and_sends_the_version_it_started_from()
    {
        var id = await Host.DraftAsync("Reconsider the withdrawal");
        await Host.ReviseAsync(id, new { body = "Second text" });

        var page = await PageAsync($"/letters/{id}/edit");
        page.ShouldContain("value=\"Reconsider the withdrawal\"");
        page.ShouldContain(">Second text</textarea>");
        page.ShouldContain("<input type=\"hidden\" name=\"basedOnVersion\" value=\"2\" data-type=\"int\" />");
        page.ShouldContain($"data-post=\"/api/letters/{id}/revisions\"");
        page.ShouldContain("<label for=\"note\">Note");
    }

    [Fact]
    public async Task the_diff_shows_removed_and_added_lines_side_by_side_and_the_changed_words_inside_them()
    {
        var id = await Host.DraftAsync(body: "Dear Secretary,\n\nWe urge you to stay.\n\nSincerely yours\n\nAs <i>before</i> & after.");
        await Host.ReviseAsync(id, new { body = "Dear Secretary,\n\nWe urge you to stay engaged.\n\nA new closing paragraph.\n\nSincerely yours\n\nAs <b>now</b> & after." });

        var versions = await PageAsync($"/letters/{id}");
        versions.ShouldContain($"href=\"/letters/{id}/diff?from=1&to=2\">Compare with version 1</a>");

        var diff = await PageAsync($"/letters/{id}/diff?from=1&to=2");
        diff.ShouldContain("<span class=\"sr-only\">removed: </span>We urge you to stay.</td>");
        diff.ShouldContain("<span class=\"sr-only\">added: </span>We urge you to stay<ins class=\"word\"> engaged</ins>.</td>");
        diff.ShouldContain("<span class=\"sr-only\">added: </span>A new closing paragraph.</td>");
        diff.ShouldContain("<td class=\"\">Dear Secretary,</td>");
        // the changed words are text like the rest: encoded, never markup
        diff.ShouldContain("As <del class=\"word\">&lt;i&gt;before&lt;/i&gt;</del> &amp; after.</td>");
        diff.ShouldContain("As <ins class=\"word\">&lt;b&gt;now&lt;/b&gt;</ins> &amp; after.</td>");
        diff.ShouldNotContain("<b>now");

        await Host.Scenario(x => { x.Get.Url($"/letters/{id}/diff?from=1&to=9"); x.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    [Fact]
    public async Task the_history_lists_what_happened_and_shows_the_letter_as_it_stood_at_a_chosen_moment()
    {
        var id = await Host.DraftAsync();
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        await Host.LifecycleAsync(id, "open");
        Fixture.Clock.Advance(TimeSpan.FromHours(1));
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch"));
        var drafted = (await Host.LetterAsync(id)).DraftedAt;

        var history = await PageAsync($"/letters/{id}/history");
        history.ShouldContain("Drafted &quot;Reconsider the withdrawal&quot; (version 1)");
        history.ShouldContain("Opened for signatures");
        history.ShouldContain("Human Rights Watch signed version 1 as an organization");
        history.ShouldContain("<input type=\"datetime-local\" id=\"as-of\" name=\"asOf\"");
        history.ShouldContain("<td>Human Rights Watch</td>"); // whose signature each signature event is about
        history.ShouldContain($"href=\"/letters/{id}/history?asOf={Uri.EscapeDataString(drafted.ToString("O"))}\"");

        var asOf = drafted.AddMinutes(30).UtcDateTime.ToString("yyyy-MM-ddTHH:mm");
        var then = await PageAsync($"/letters/{id}/history?asOf={asOf}");
        then.ShouldContain("Status: <span class=\"status status-draft\">Draft</span>");
        then.ShouldContain("0 signatories");

        var later = await PageAsync($"/letters/{id}/history?asOf={drafted.AddHours(3).UtcDateTime:yyyy-MM-ddTHH:mm}");
        later.ShouldContain("Status: <span class=\"status status-open\">Open</span>");
        later.ShouldContain("1 signatory");
    }

    [Fact]
    public async Task an_unknown_letter_is_a_404_on_every_page()
    {
        foreach (var url in new[] { "", "/edit", "/diff", "/history" })
            await Host.Scenario(x => { x.Get.Url($"/letters/{Guid.NewGuid()}{url}"); x.StatusCodeShouldBe(HttpStatusCode.NotFound); });
    }

    private static string Section(string page, string id)
    {
        var start = page.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        start.ShouldBeGreaterThan(-1, $"the page has no element with id {id}");
        var end = page.IndexOf("</table>", start, StringComparison.Ordinal) is var t and > 0 ? t : page.Length;
        var ol = page.IndexOf("</ol>", start, StringComparison.Ordinal);
        return page[start..(ol > 0 && ol < end ? ol : end)];
    }

    private async Task PublicSignOnAsync(string link, params (string Key, string Value)[] fields)
    {
        var form = await Host.Scenario(x => x.Get.Url(link));
        var token = TokenField().Match(await form.ReadAsTextAsync()).Groups[1].Value;
        var cookie = string.Join("; ", form.Context.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]));
        var values = fields.ToDictionary(f => f.Key, f => f.Value);
        values["__RequestVerificationToken"] = token;
        await Host.Scenario(x =>
        {
            x.Post.FormData(values).ToUrl(link);
            x.WithRequestHeader("Cookie", cookie);
            x.StatusCodeShouldBe(HttpStatusCode.OK);
        });
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
