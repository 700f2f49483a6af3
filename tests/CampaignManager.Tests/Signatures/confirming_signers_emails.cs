using CampaignManager.Hosting;
using CampaignManager.Signatures;
using CampaignManager.Staff;
using CampaignManager.Tests.Appeals;
using DocumentFormat.OpenXml.Packaging;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Signatures;

/// <summary>A letter that asks for a confirmed email, through the real SMTP server: what waits, what counts, the links.</summary>
[Collection(AppealsCollection.Name)]
public class confirming_signers_emails(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task<(Guid Letter, string Link)> LetterAskingAsync(bool confirmedEmail = true, bool staffApproval = false)
    {
        var id = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(id, confirmedEmail, staffApproval);
        return (id, (await Host.LetterAsync(id)).PublicSignOnUrl!);
    }

    private Task<string> SignPubliclyAsync(string link, string name, string? email) => Host.SignPubliclyAsync(link, name, email);
    private string ConfirmLinkTo(string email) => Smtp.ConfirmLinkTo(email)!;
    private static string Email(string who) => PublicSigner.NewEmail(who);

    [Fact]
    public async Task an_unconfirmed_signature_is_never_counted_printed_or_exported_until_its_link_is_used()
    {
        var (id, link) = await LetterAskingAsync();
        var email = Email("jane");

        var thanks = await SignPubliclyAsync(link, "Jane Unconfirmed", email);

        thanks.ShouldContain("your signature counts only once you open it and");
        var letter = await Host.LetterAsync(id);
        (letter.Counts.Signatories, letter.Counts.AwaitingEmailConfirmation, letter.PublicSignOnNeedsEmailConfirmation).ShouldBe((0, 1, true));
        letter.Signatories.ShouldBeEmpty();
        letter.AwaitingApproval.ShouldBeEmpty("staff cannot approve what the signer has not confirmed");
        (await Host.GetAsText($"/letters/{id}")).ShouldContain("They count only once the signer confirms their email (1 waiting).");
        var publicPage = await Host.GetAsText(link);
        publicPage.ShouldContain("Signed so far (0)");
        publicPage.ShouldContain("Counted: signatures whose signer confirmed their email");
        publicPage.ShouldNotContain("Jane Unconfirmed");
        (await Host.GetAsText($"/api/letters/{id}/signatories.csv")).ShouldNotContain("Jane Unconfirmed");
        (await Host.GetAsText($"/letters/{id}/print")).ShouldNotContain("Jane Unconfirmed");
        (await DocxTextAsync(id)).ShouldNotContain("Jane Unconfirmed");

        var received = Smtp.MessagesTo(email).ShouldHaveSingleItem().Message;
        received.Subject.ShouldBe("Please confirm your signature on “Reconsider the withdrawal”");
        var confirm = ConfirmLinkTo(email);
        confirm.ShouldMatch($"^{link}/confirm/[0-9a-f]{{64}}$");
        // opening the link (as a mail scanner does) confirms nothing; the button does
        (await Host.GetAsText(confirm)).ShouldContain("Confirm my signature");
        (await Host.LetterAsync(id)).Counts.Signatories.ShouldBe(0);
        (await Host.SubmitToAsync(confirm, "Confirm")).ShouldContain("your email is confirmed");

        letter = await Host.LetterAsync(id);
        (letter.Counts.Signatories, letter.Counts.AwaitingEmailConfirmation).ShouldBe((1, 0));
        letter.Signatories.Single().Name.ShouldBe("Jane Unconfirmed");
        (await Host.GetAsText($"/api/letters/{id}/signatories.csv")).ShouldContain("Jane Unconfirmed");
        await using var session = Store.QuerySession();
        var confirmed = (await session.Events.FetchStreamAsync(letter.Signatories.Single().Id)).Select(e => e.Data)
            .OfType<SignatureEmailConfirmed>().ShouldHaveSingleItem();
        confirmed.By.ShouldBe($"Jane Unconfirmed <{email}> (confirmation link)");
    }

    [Fact]
    public async Task a_confirmation_link_works_once_and_only_its_hash_is_stored()
    {
        var (id, link) = await LetterAskingAsync();
        var email = Email("once");
        await SignPubliclyAsync(link, "Once Only", email);
        var confirm = ConfirmLinkTo(email);

        await Host.SubmitToAsync(confirm, "Confirm");
        var page = await Host.GetAsText(confirm);
        page.ShouldContain("This confirmation link was already used; it works once.");
        page.ShouldNotContain("id=\"confirm\"");

        var secret = confirm.Split('/').Last();
        await using var session = Store.QuerySession();
        (await session.LoadAsync<SignerLink>(secret)).ShouldBeNull();
        (await session.LoadAsync<SignerLink>(Secrets.Hash(secret))).ShouldNotBeNull().UsedAt.ShouldNotBeNull();
        (await Host.LetterAsync(id)).Counts.Signatories.ShouldBe(1);
    }

    [Fact]
    public async Task a_signer_who_lost_the_email_signs_again_and_is_sent_it_again_at_most_every_ten_minutes()
    {
        var (id, link) = await LetterAskingAsync();
        var email = Email("lost");
        await SignPubliclyAsync(link, "Lost Email", email);
        Smtp.MessagesTo(email).Count.ShouldBe(1);

        // at once again: the same neutral answer, and nobody's inbox is flooded by someone typing their name
        (await SignPubliclyAsync(link, "Lost Email", email)).ShouldContain("Thank you");
        Smtp.MessagesTo(email).Count.ShouldBe(1);

        Fixture.Clock.Advance(Signing.ResendAfter);
        await SignPubliclyAsync(link, "Lost Email", email);
        Smtp.MessagesTo(email).Count.ShouldBe(2, "the signer asked for it again after ten minutes");
        await Host.SubmitToAsync(ConfirmLinkTo(email), "Confirm");
        var letter = await Host.LetterAsync(id);
        (letter.Counts.Signatories, letter.Counts.AwaitingEmailConfirmation).ShouldBe((1, 0));
    }

    [Fact]
    public async Task an_unconfirmed_signature_expires_by_the_clock_and_its_link_then_confirms_nothing()
    {
        var (id, link) = await LetterAskingAsync();
        var email = Email("late");
        await SignPubliclyAsync(link, "Too Late", email);
        var confirm = ConfirmLinkTo(email);

        // the signer opened the page in time and pressed the button after the expiry
        (await Host.SubmitToAsync(confirm, "Confirm",
                meanwhile: () => { Fixture.Clock.Advance(SignOnSettings.DefaultConfirmationExpiry + TimeSpan.FromMinutes(1)); return Task.CompletedTask; }))
            .ShouldContain("This confirmation link has expired");
        await Host.InvokeMessageAndWaitAsync(new SweepDeadlines());

        var letter = await Host.LetterAsync(id);
        (letter.Counts.Signatories, letter.Counts.AwaitingEmailConfirmation).ShouldBe((0, 0));
        await using var session = Store.QuerySession();
        var signature = (await session.Query<Signature>().Where(s => s.LetterId == id).ToListAsync()).ShouldHaveSingleItem();
        signature.Status.ShouldBe(SignatureStatus.Expired);
        (await Host.GetAsText(confirm)).ShouldContain("has expired");
        (await Host.GetAsText(link)).ShouldContain("Signed so far (0)");
    }

    [Fact]
    public async Task with_both_a_confirmed_email_and_approval_the_confirmation_hands_the_signature_to_staff()
    {
        var (id, link) = await LetterAskingAsync(staffApproval: true);
        var email = Email("both");
        await SignPubliclyAsync(link, "Both Checks", email);
        var pendingId = (await Store.QuerySession().Query<Signature>().Where(s => s.LetterId == id).SingleAsync()).Id;

        // approving before the signer confirmed is refused, and changes nothing
        await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{pendingId}/approve"); x.StatusCodeShouldBe(409); });
        (await Host.SubmitToAsync(ConfirmLinkTo(email), "Confirm")).ShouldContain("now waits for the organizers' approval");
        var letter = await Host.LetterAsync(id);
        (letter.Counts.Signatories, letter.AwaitingApproval.Single().Name).ShouldBe((0, "Both Checks"));

        await Host.Scenario(x => x.Post.Json(new { }).ToUrl($"/api/letters/{id}/signatures/{pendingId}/approve"));
        (await Host.LetterAsync(id)).Signatories.Single().Name.ShouldBe("Both Checks");
    }

    [Fact]
    public async Task a_letter_asking_for_a_confirmed_email_refuses_a_sign_on_without_one_naming_the_field()
    {
        var (id, link) = await LetterAskingAsync();

        var page = await Host.SubmitAsync(link, ("Form.Kind", "individual"), ("Form.Name", "No Address"), ("Form.Email", ""));

        page.ShouldContain(Signing.EmailNeeded);
        page.ShouldNotContain("Thank you for signing");
        (await Store.QuerySession().Query<Signature>().Where(s => s.LetterId == id).CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task the_policy_answers_400_with_nothing_to_set_and_409_on_a_final_letter()
    {
        var id = await Host.OpenDraftAsync();
        var empty = await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{id}/verification-policy"); x.StatusCodeShouldBe(400); });
        empty.ReadAsJson<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>()!.Errors.Keys.ShouldBe(["confirmedEmail", "staffApproval"], ignoreOrder: true);

        // the older endpoint still sets the approval part alone
        await Host.Scenario(x => x.Post.Json(new { confirmedEmail = true }).ToUrl($"/api/letters/{id}/verification-policy"));
        await Host.Scenario(x => x.Post.Json(new { required = false }).ToUrl($"/api/letters/{id}/public-sign-on-approval"));
        var letter = await Host.LetterAsync(id);
        (letter.PublicSignOnNeedsEmailConfirmation, letter.PublicSignOnNeedsApproval).ShouldBe((true, false));

        await Host.LifecycleAsync(id, "close");
        await Host.LifecycleAsync(id, "finalize");
        await Host.Scenario(x => { x.Post.Json(new { staffApproval = true }).ToUrl($"/api/letters/{id}/verification-policy"); x.StatusCodeShouldBe(409); });
    }

    private async Task<string> DocxTextAsync(Guid id)
    {
        var result = await Host.Scenario(x => x.Get.Url($"/api/letters/{id}/export.docx"));
        var bytes = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(bytes);
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes.ToArray()), false);
        return document.MainDocumentPart!.Document.Body!.InnerText;
    }
}
