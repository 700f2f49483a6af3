using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using MimeKit;
using Wolverine.Http;

namespace CampaignManager.Tests.Signatures;

/// <summary>Who is emailed, when an email is not sent again, and what finalizing does with signers on an older text.</summary>
public class reconfirmation_decisions
{
    private static readonly Guid LetterId = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2018, 6, 1, 9, 0, 0, TimeSpan.Zero);

    private static Letter Revised(LetterStatus status = LetterStatus.Open)
    {
        var events = new List<object>
        {
            letter_decisions_access.Drafted(LetterId),
            new LetterOpenedForSignatures(LetterId, null, "maria", T0, "public-token"),
            new LetterRevised(LetterId, 2, "HRC withdrawal", "Reconsider", "Body v2", "Sincerely,", [], ["body"], null, "maria", T0)
        };
        if (status is LetterStatus.Closed or LetterStatus.Final) events.Add(new SignaturesClosed(LetterId, "maria", T0));
        return Letter.Fold(events)!;
    }

    private static Signature Signed(string name, string? email, int version = 1) =>
        Signature.Fold([new SignatureAdded(Guid.NewGuid(), LetterId, SignatoryKind.Organization, name, null, null, false, email, version, "maria", T0)])!;

    private static EmailReconfirmation Message(Signature s, bool reminder = false) => new(s.Id, LetterId, 2, "http://localhost", reminder);

    [Fact]
    public void a_revision_asks_only_signers_in_the_block_on_an_older_text_who_gave_an_email()
    {
        var withEmail = Signed("Human Rights Watch", "hrw@ngo.example");
        var without = Signed("Amnesty International USA", null);
        var current = Signed("Jane Doe", "jane@univ.example", version: 2);

        var asked = RequestReconfirmationsHandler.Decide(new RequestReconfirmations(LetterId, 2, "http://localhost"), [withEmail, without, current]);

        asked.Select(m => m.SignatureId).ShouldBe([withEmail.Id]);
    }

    [Fact]
    public void only_a_revision_of_an_open_letter_emails_anyone()
    {
        var revised = new LetterRevised(LetterId, 2, "t", "s", "b", "c", [], ["body"], null, "maria", T0);
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        (request.Scheme, request.Host) = ("https", new Microsoft.AspNetCore.Http.HostString("campaigns.example"));

        ReviseLetterEndpoint.ForSigners(Revised(), revised, request).ShouldHaveSingleItem().LinkBase.ShouldBe("https://campaigns.example");
        ReviseLetterEndpoint.ForSigners(Revised(LetterStatus.Closed), revised, request).ShouldBeEmpty();
    }

    [Fact]
    public void an_email_already_recorded_for_this_version_is_not_sent_again_but_one_reminder_is()
    {
        var s = Signed("Human Rights Watch", "hrw@ngo.example");
        EmailReconfirmationHandler.WhyNotSend(Message(s), Revised(), s).ShouldBeNull();

        s.Apply(new ReconfirmationEmailed(s.Id, LetterId, 2, "hrw@ngo.example", false, "m1", "system", T0));
        EmailReconfirmationHandler.WhyNotSend(Message(s), Revised(), s).ShouldBe("already emailed");
        EmailReconfirmationHandler.WhyNotSend(Message(s, reminder: true), Revised(), s).ShouldBeNull();

        s.Apply(new ReconfirmationEmailed(s.Id, LetterId, 2, "hrw@ngo.example", true, "m2", "system", T0));
        EmailReconfirmationHandler.WhyNotSend(Message(s, reminder: true), Revised(), s).ShouldBe("already reminded");
    }

    [Fact]
    public void nothing_is_sent_once_the_letter_closed_the_signer_answered_or_a_newer_revision_exists()
    {
        var s = Signed("Human Rights Watch", "hrw@ngo.example");
        EmailReconfirmationHandler.WhyNotSend(Message(s), Revised(LetterStatus.Closed), s).ShouldBe("the letter is no longer open");
        EmailReconfirmationHandler.WhyNotSend(Message(s) with { TextVersion = 1 }, Revised(), s).ShouldBe("a newer revision emails its own round");
        s.Apply(new SignatureReconfirmed(s.Id, LetterId, 2, "Human Rights Watch", T0));
        EmailReconfirmationHandler.WhyNotSend(Message(s), Revised(), s).ShouldBe("the signer already re-confirmed");
    }

    [Fact]
    public void a_relay_refusal_is_recorded_beside_the_signer_and_a_later_send_clears_it()
    {
        var s = Signed("Human Rights Watch", "hrw@ngo.example");
        var failed = EmailReconfirmationHandler.Decide(Message(s), s, new DeliveryResult.Failed("550 no such mailbox", true), T0);
        s.Apply(failed.ShouldBeOfType<ReconfirmationEmailFailed>());
        ReconfirmationStatus.Row(s, 2).EmailError.ShouldBe("550 no such mailbox");

        s.Apply((ReconfirmationEmailed)EmailReconfirmationHandler.Decide(Message(s, reminder: true), s, new DeliveryResult.Sent("m"), T0));
        var row = ReconfirmationStatus.Row(s, 2);
        (row.EmailError, row.State, row.RemindedAt).ShouldBe((null, ReconfirmationState.Pending, T0));
    }

    [Fact]
    public void the_email_carries_the_link_once_in_each_part_and_a_stable_message_id()
    {
        var content = new ReconfirmationEmailContent(Guid.NewGuid(), "Jane Doe", "jane@univ.example", "HRC withdrawal", 1, 2,
            "https://campaigns.example/sign/tok/secret", false, T0);

        var message = ReconfirmationEmail.Render(content, new MailboxAddress("Campaigns", "appeals@ngo.example"));

        message.MessageId.ShouldBe($"reconfirm-{content.SignatureId:N}-v2@ngo.example");
        message.TextBody.ShouldNotBeNull().ShouldContain("\n\nhttps://campaigns.example/sign/tok/secret\n\n");
        message.HtmlBody.ShouldNotBeNull().ShouldContain("<a href=\"https://campaigns.example/sign/tok/secret\">");
        ReconfirmationEmail.SubjectFor(content with { Reminder = true }).ShouldStartWith("Reminder: please");
    }

    [Fact]
    public void finalizing_asks_for_a_choice_only_when_someone_is_on_an_older_text()
    {
        var letter = Revised(LetterStatus.Closed);
        var behind = Signed("Amnesty International USA", null);
        var current = Signed("Human Rights Watch", null, version: 2);

        FinalizeLetterEndpoint.Validate(new FinalizeLetter(), letter, [current]).ShouldBeSameAs(WolverineContinue.NoProblems);
        FinalizeLetterEndpoint.Validate(new FinalizeLetter(), letter, [current, behind]).Status.ShouldBe(409);
        FinalizeLetterEndpoint.Validate(new FinalizeLetter(UnconfirmedSigners.Keep), letter, [current, behind]).ShouldBeSameAs(WolverineContinue.NoProblems);
    }

    [Theory]
    [InlineData(UnconfirmedSigners.Wait, LetterStatus.Closed, 0)]
    [InlineData(UnconfirmedSigners.Drop, LetterStatus.Final, 1)]
    [InlineData(UnconfirmedSigners.Keep, LetterStatus.Final, 0)]
    public void the_choice_decides_the_status_and_who_is_dropped(UnconfirmedSigners choice, LetterStatus status, int dropped)
    {
        var behind = Signed("Amnesty International USA", null);

        var decision = FinalizeLetterEndpoint.Decide(Revised(LetterStatus.Closed), new FinalizeLetter(choice), [behind], "maria", T0);

        decision.Status.ShouldBe(status);
        decision.Dropped.Count.ShouldBe(dropped);
        if (decision.LetterEvents.Single() is not LetterFinalized f) return;
        f.Unconfirmed.ShouldBe(choice);
        f.UnconfirmedIds.ShouldBe([behind.Id]);
    }
}

/// <summary>The drafted event the letter decision tests start from, for any letter id.</summary>
internal static class letter_decisions_access
{
    public static LetterDrafted Drafted(Guid id) => CampaignManager.Tests.Letters.letter_decisions.Drafted with { LetterId = id };
}
