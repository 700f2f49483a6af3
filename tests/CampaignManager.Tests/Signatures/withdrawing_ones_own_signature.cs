using CampaignManager.Signatures;
using CampaignManager.Tests.Appeals;

namespace CampaignManager.Tests.Signatures;

/// <summary>Every public signer who gave an email gets a personal link to see and withdraw their signature.</summary>
[Collection(AppealsCollection.Name)]
public class withdrawing_ones_own_signature(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task<(Guid Letter, string Link)> LetterAsync(bool confirmedEmail, bool staffApproval)
    {
        var id = await Host.OpenDraftAsync();
        await Host.SetPolicyAsync(id, confirmedEmail, staffApproval);
        return (id, (await Host.LetterAsync(id)).PublicSignOnUrl!);
    }

    [Fact]
    public async Task a_signer_whose_signature_counts_at_once_is_emailed_a_personal_link_and_withdraws_through_it()
    {
        var (id, link) = await LetterAsync(confirmedEmail: false, staffApproval: false);
        var email = PublicSigner.NewEmail("self");
        await Host.SignPubliclyAsync(link, "Sam Self", email);

        var received = Smtp.MessagesTo(email).ShouldHaveSingleItem().Message;
        received.Subject.ShouldBe("Your signature on “Reconsider the withdrawal”");
        Smtp.ConfirmLinkTo(email).ShouldBeNull("nothing to confirm on this letter");
        var mine = Smtp.ManageLinkTo(email).ShouldNotBeNull();
        mine.ShouldMatch($"^{link}/mine/[0-9a-f]{{64}}$");
        var page = await Host.GetAsText(mine);
        page.ShouldContain("Your signature counts and appears on the letter.");
        page.ShouldContain("Sam Self");

        (await Host.SubmitToAsync(mine, "Withdraw")).ShouldContain("Your signature was withdrawn");

        var letter = await Host.LetterAsync(id);
        letter.Signatories.ShouldBeEmpty();
        var withdrawn = letter.Withdrawn.ShouldHaveSingleItem();
        withdrawn.WithdrawalReason.ShouldBe(WithdrawOwnSignatureHandler.Reason);
        await using var session = Store.QuerySession();
        (await session.Events.FetchStreamAsync(withdrawn.Id)).Select(e => e.Data).OfType<SignatureWithdrawn>().Single()
            .By.ShouldBe($"Sam Self <{email}> (personal link)");
        (await Host.GetAsText(mine)).ShouldContain("You withdrew your signature");
    }

    [Fact]
    public async Task the_personal_link_comes_with_the_confirmation_and_withdrawing_before_confirming_leaves_nothing_to_confirm()
    {
        var (id, link) = await LetterAsync(confirmedEmail: true, staffApproval: true);
        var email = PublicSigner.NewEmail("wait");
        await Host.SignPubliclyAsync(link, "Wendy Wait", email);
        var (confirm, mine) = (Smtp.ConfirmLinkTo(email).ShouldNotBeNull(), Smtp.ManageLinkTo(email).ShouldNotBeNull());
        Smtp.MessagesTo(email).Count.ShouldBe(1, "one email carries both links");

        (await Host.GetAsText(mine)).ShouldContain("does not count yet: confirm it with the other link");
        (await Host.SubmitToAsync(mine, "Withdraw")).ShouldContain("Your signature was withdrawn");

        (await Host.GetAsText(confirm)).ShouldContain("no longer waiting for confirmation");
        var letter = await Host.LetterAsync(id);
        (letter.Counts.Signatories, letter.Counts.AwaitingEmailConfirmation, letter.Counts.Withdrawn).ShouldBe((0, 0, 1));
    }

    [Fact]
    public async Task once_the_letter_is_final_the_personal_link_still_shows_the_signature_and_withdraws_nothing()
    {
        var (id, link) = await LetterAsync(confirmedEmail: false, staffApproval: false);
        var email = PublicSigner.NewEmail("final");
        await Host.SignPubliclyAsync(link, "Fay Final", email);
        var mine = Smtp.ManageLinkTo(email).ShouldNotBeNull();

        // the signer opened the page while the letter was open, and pressed the button after it was finalized
        var answer = await Host.SubmitToAsync(mine, "Withdraw", meanwhile: async () =>
        {
            await Host.LifecycleAsync(id, "close");
            await Host.LifecycleAsync(id, "finalize");
        });

        answer.ShouldContain("The letter is final; its signatory block can no longer change.");
        answer.ShouldNotContain("id=\"withdraw\"");
        (await Host.LetterAsync(id)).Signatories.Single().Name.ShouldBe("Fay Final");
    }

    [Fact]
    public async Task a_made_up_personal_link_names_nobody()
    {
        var (_, link) = await LetterAsync(confirmedEmail: false, staffApproval: false);
        var page = await Host.Scenario(x => { x.Get.Url($"{link}/mine/{new string('a', 64)}"); x.StatusCodeShouldBe(404); });
        (await page.ReadAsTextAsync()).ShouldContain("This personal link is not valid");
    }
}
