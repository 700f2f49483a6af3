using CampaignManager.Signatures;

namespace CampaignManager.Tests.Signatures;

/// <summary>
/// Anyone with the link can read the public page and type anyone's name or email into it. What it shows and answers
/// must never tell them another signer's email, a withdrawal reason, or who is pending or was turned down.
/// </summary>
[Collection(SignaturesCollection.Name)]
public partial class keeping_signers_private_on_the_public_page(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task the_page_shows_approved_signers_only_without_emails_or_withdrawal_reasons()
    {
        var id = await Host.OpenDraftAsync();
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        await Host.SignAsync(id, LetterApi.Organization("Human Rights Watch", email: "private@hrw.example"));
        var withdrawn = await Host.SignAsync(id, LetterApi.Organization("Quiet Foundation", email: "quiet@example.org"));
        await Host.Scenario(x => x.Post.Json(new { reason = "our board fears reprisals" }).ToUrl($"/api/letters/{id}/signatures/{withdrawn.Id}/withdraw"));
        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Pending Coalition"), ("Form.Email", "pending@example.org"));
        await Host.SubmitAsync(link, ("Form.Kind", "organization"), ("Form.Name", "Spam Front"));
        var spam = (await Host.LetterAsync(id)).AwaitingApproval.Single(s => s.Name == "Spam Front");
        await Host.Scenario(x => x.Post.Json(new { reason = "cannot verify" }).ToUrl($"/api/letters/{id}/signatures/{spam.Id}/reject"));

        var page = await Host.GetAsText(link);

        page.ShouldContain("<li>Human Rights Watch</li>");
        page.ShouldContain("Signed so far (1)");
        foreach (var secret in new[] { "private@hrw.example", "Quiet Foundation", "quiet@example.org", "reprisals", "Pending Coalition",
                     "pending@example.org", "Spam Front", "cannot verify" })
            page.ShouldNotContain(secret);
    }

    [Theory]
    [InlineData("active")]
    [InlineData("pending")]
    [InlineData("rejected")]
    [InlineData("withdrawn")]
    public async Task a_sign_on_with_someone_elses_email_is_answered_exactly_like_a_first_sign_on(string state)
    {
        var id = await Host.OpenDraftAsync();
        var link = (await Host.LetterAsync(id)).PublicSignOnUrl!;
        await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Dissident Writer"), ("Form.Email", "writer@example.org"));
        var existing = (await Host.LetterAsync(id)).AwaitingApproval.Single();
        if (state != "pending") await Host.Scenario(x => x.Post.Json(new { reason = "a private reason" })
            .ToUrl($"/api/letters/{id}/signatures/{existing.Id}/{(state == "rejected" ? "reject" : "approve")}"));
        if (state == "withdrawn") await Host.Scenario(x => x.Post.Json(new { reason = "a private reason" })
            .ToUrl($"/api/letters/{id}/signatures/{existing.Id}/withdraw"));
        var fresh = await Host.OpenDraftAsync();

        var probe = await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "Curious Official"), ("Form.Email", "writer@example.org"));
        var first = await Host.SubmitAsync((await Host.LetterAsync(fresh)).PublicSignOnUrl!,
            ("Form.Kind", "individual"), ("Form.Name", "Curious Official"), ("Form.Email", "writer@example.org"));

        Notice(probe).ShouldBe(Notice(first));
        probe.ShouldNotContain("Dissident Writer");
        probe.ShouldNotContain("a private reason");
    }

    [Fact]
    public async Task a_public_renewal_of_a_withdrawn_signature_waits_for_staff_approval_even_when_sign_ons_count_at_once()
    {
        var id = await Host.OpenDraftAsync();
        await Host.Scenario(x => x.Post.Json(new { required = false }).ToUrl($"/api/letters/{id}/public-sign-on-approval"));
        var signed = await Host.SignAsync(id, LetterApi.Organization("Freedom House"));
        await Host.Scenario(x => x.Post.Json(new { reason = "board decision" }).ToUrl($"/api/letters/{id}/signatures/{signed.Id}/withdraw"));

        await Host.SubmitAsync((await Host.LetterAsync(id)).PublicSignOnUrl!, ("Form.Kind", "organization"), ("Form.Name", "freedom house"));

        var letter = await Host.LetterAsync(id);
        letter.Signatories.ShouldBeEmpty();
        letter.AwaitingApproval.Single().Id.ShouldBe(signed.Id);
        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{signed.Id}/approve"));
        (await Host.LetterAsync(id)).Signatories.Single().Name.ShouldBe("Freedom House");
    }

    [Fact]
    public async Task staff_can_add_a_signer_whose_public_sign_on_was_rejected()
    {
        var id = await Host.OpenDraftAsync();
        await Host.SubmitAsync((await Host.LetterAsync(id)).PublicSignOnUrl!,
            ("Form.Kind", "organization"), ("Form.Name", "Amnesty International"), ("Form.Email", "impostor@example.net"));
        var impostor = (await Host.LetterAsync(id)).AwaitingApproval.Single();
        await Host.Scenario(x => x.Post.Json(new { reason = "not really them" }).ToUrl($"/api/letters/{id}/signatures/{impostor.Id}/reject"));

        var real = await Host.SignAsync(id, LetterApi.Organization("Amnesty International", email: "office@amnesty.example"));
        await Host.SignAsync(id, LetterApi.Organization("amnesty international."), expected: 200); // a repeat, not a third row

        var letter = await Host.LetterAsync(id);
        var block = letter.Signatories.ShouldHaveSingleItem();
        (block.Id, block.Email, block.Source).ShouldBe((real.Id, "office@amnesty.example", SignatureSource.Staff));
        (await Host.GetAsText($"/api/letters/{id}/history")).ShouldContain("rejected: not really them");
    }

    [Fact]
    public async Task a_filled_honeypot_is_thanked_like_a_person_and_records_nothing()
    {
        var id = await Host.OpenDraftAsync();
        var page = await Host.SubmitAsync((await Host.LetterAsync(id)).PublicSignOnUrl!,
            ("Form.Kind", "organization"), ("Form.Name", "Cheap Pills Ltd"), ("Form.Website", "http://pills.example"));

        page.ShouldContain("Thank you for signing");
        var letter = await Host.LetterAsync(id);
        (letter.Signatories.Count, letter.AwaitingApproval.Count).ShouldBe((0, 0));
        (await Host.GetAsText($"/api/letters/{id}/history")).ShouldNotContain("Cheap Pills");
    }

    private static string Notice(string page)
    {
        var notice = NoticeBlock().Match(page).Value;
        notice.ShouldNotBeNullOrEmpty();
        return notice;
    }

    [GeneratedRegex("<div class=\"notice ok\" role=\"status\">.*?</div>", RegexOptions.Singleline)]
    private static partial Regex NoticeBlock();
}
