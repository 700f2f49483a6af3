using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>The public page as a browser without JavaScript uses it: GET the form, POST it back with its antiforgery token.</summary>
[Collection(SignaturesCollection.Name)]
public class public_sign_on(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task an_open_letter_carries_an_unguessable_public_link_that_a_closed_letter_does_not()
    {
        var id = await Host.OpenDraftAsync();
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        link.ShouldMatch("^/sign/[A-Za-z0-9_-]{22}$");
        link.ShouldNotContain(id.ToString("N")[..8]);

        await Host.LifecycleAsync(id, "close");
        (await Host.LetterAsync(id)).PublicSignOnUrl.ShouldBeNull();
        var page = await Host.GetAsText(link);
        page.ShouldContain("no longer open for signatures");
        page.ShouldNotContain("<form class=\"sign\"");

        await Host.LifecycleAsync(id, "open");
        (await Host.LetterAsync(id)).PublicSignOnUrl.ShouldBe(link); // people keep the link they were sent
    }

    [Fact]
    public async Task a_public_sign_on_names_the_version_signed_and_waits_for_staff_approval()
    {
        var id = await Host.OpenDraftAsync();
        await Host.ReviseAsync(id, new { body = "Second version of the text" });
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        var confirmation = await SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Jane Doe"),
            ("Form.Affiliation", "Example University"), ("Form.AffiliationForIdentificationOnly", "true"), ("Form.Email", "jane@example.org"));
        confirmation.ShouldContain("Jane Doe signed <strong>version 2</strong>");
        confirmation.ShouldContain("once the organizers have approved it");

        var letter = await Host.LetterAsync(id);
        letter.Signatories.ShouldBeEmpty();
        var pending = letter.AwaitingApproval.Single();
        (pending.Source, pending.AffiliationForIdentificationOnly).ShouldBe((SignatureSource.Public, true));

        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{pending.Id}/approve"));
        (await Host.LetterAsync(id)).Signatories.Single().Name.ShouldBe("Jane Doe");
        await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{pending.Id}/approve"); x.StatusCodeShouldBe(409); });
    }

    [Fact]
    public async Task a_rejected_public_sign_on_stays_out_of_the_block_and_a_repeat_does_not_bring_it_back()
    {
        var id = await Host.OpenDraftAsync();
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        await SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Totally Real NGO"));
        var pending = (await Host.LetterAsync(id)).AwaitingApproval.Single();

        await Host.Scenario(x => x.Post.Json(new { reason = "Could not verify" }).ToUrl($"/api/letters/{id}/signatures/{pending.Id}/reject"));
        var again = await SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Totally Real NGO"));

        again.ShouldContain("Thank you for signing");
        var letter = await Host.LetterAsync(id);
        (letter.Signatories.Count, letter.AwaitingApproval.Count).ShouldBe((0, 0));
    }

    [Fact]
    public async Task a_letter_can_let_public_sign_ons_count_at_once()
    {
        var id = await Host.OpenDraftAsync();
        await Host.Scenario(x => x.Post.Json(new { required = false }).ToUrl($"/api/letters/{id}/public-sign-on-approval"));
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;

        await SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Freedom House"));
        (await Host.LetterAsync(id)).Signatories.Single().Name.ShouldBe("Freedom House");
    }

    [Fact]
    public async Task the_page_hides_other_signers_emails_and_never_renders_injected_markup()
    {
        var id = await Host.DraftAsync(body: "Dear Secretary,\n\n<script>alert('body')</script> [click](javascript:alert(1))");
        await Host.LifecycleAsync(id, "open");
        await Host.Scenario(x => x.Post.Json(new { required = false }).ToUrl($"/api/letters/{id}/public-sign-on-approval"));
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch", email: "private@hrw.example"));
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        await SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "<img src=x onerror=alert(2)>Mallory"));

        var page = await Host.GetAsText(link);
        page.ShouldNotContain("private@hrw.example");
        page.ShouldNotContain("<script>alert");
        page.ShouldNotContain("javascript:");
        page.ShouldNotContain("<img src=x");
        page.ShouldContain("&lt;img src=x onerror=alert(2)&gt;Mallory");
    }

    [Fact]
    public async Task an_unknown_link_answers_404_with_a_readable_page()
    {
        var result = await Host.Scenario(x => { x.Get.Url("/sign/not-a-real-token"); x.StatusCodeShouldBe(404); });
        (await result.ReadAsTextAsync()).ShouldContain("This sign-on link is not valid");
    }

    [Fact]
    public async Task invalid_form_input_is_shown_next_to_the_field_and_records_nothing()
    {
        var id = await Host.OpenDraftAsync();
        var page = await SubmitAsync((await Host.LetterAsync(id)).PublicSignOnUrl!, ("Form.Kind", "individual"), ("Form.Name", ""), ("Form.Email", "nope"));
        page.ShouldContain("<span id=\"name-error\" class=\"error\">is required</span>");
        page.ShouldContain("<span id=\"email-error\" class=\"error\">is not a valid email address</span>");
        (await Host.LetterAsync(id)).AwaitingApproval.ShouldBeEmpty();
    }

    private Task<string> SubmitAsync(string link, params (string Key, string Value)[] fields) => Host.SubmitAsync(link, fields);
}
