using CampaignManager.Tests.Appeals;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Staff;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Signatures;

/// <summary>A revision after people signed, through the real SMTP server: who is emailed, the link, the answers.</summary>
[Collection(AppealsCollection.Name)]
public partial class emailing_signers_to_reconfirm(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private record Signers(Guid Letter, string PublicToken, SignatoryView Hrw, string HrwEmail, SignatoryView Jane, string JaneEmail, SignatoryView NoEmail);

    private async Task<Signers> SignedThenRevisedAsync()
    {
        var letter = await Host.OpenDraftAsync();
        var (hrwEmail, janeEmail) = ($"hrw-{Guid.NewGuid():N}@ngo.example", $"jane-{Guid.NewGuid():N}@univ.example");
        var hrw = await Host.SignAsync(letter, LetterApi.Organization("Human Rights Watch", email: hrwEmail));
        var jane = await Host.SignAsync(letter, LetterApi.Individual("Jane Doe", "Professor", "Columbia University", email: janeEmail));
        // added by staff from a paper list: no email, so nobody can be emailed
        var noEmail = await Host.SignAsync(letter, LetterApi.Organization("Amnesty International USA"));
        await TrackedAsync(x => x.Post.Json(new { body = "Dear Secretary Pompeo,\n\nWe urge the United States to remain a member." })
            .ToUrl($"/api/letters/{letter}/revisions"));
        var token = (await Host.LetterAsync(letter)).PublicSignOnUrl!.Split('/').Last();
        return new Signers(letter, token, hrw, hrwEmail, jane, janeEmail, noEmail);
    }

    private async Task<IScenarioResult> TrackedAsync(Action<Scenario> request, int status = 200)
    {
        IScenarioResult result = null!;
        await Host.TrackActivity().Timeout(AppealApi.FanOutPatience).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            result = await Host.Scenario(x => { request(x); x.StatusCodeShouldBe(status); })));
        return result;
    }

    private string LinkIn(string email) =>
        LinkPattern().Match(Smtp.MessagesTo(email).Last().Message.TextBody!).Value;

    private Task<ReconfirmationRound> RoundAsync(Guid letter) => Host.GetAsJson<ReconfirmationRound>($"/api/letters/{letter}/reconfirmations")!;

    [Fact]
    public async Task a_revision_emails_each_signer_who_gave_an_email_a_personal_link_and_nobody_else()
    {
        var s = await SignedThenRevisedAsync();

        foreach (var (email, name) in new[] { (s.HrwEmail, "Human Rights Watch"), (s.JaneEmail, "Jane Doe") })
        {
            var received = Smtp.MessagesTo(email).ShouldHaveSingleItem().Message;
            received.Subject.ShouldBe("Please re-confirm your signature on “Reconsider the withdrawal”");
            received.TextBody.ShouldNotBeNull().ShouldContain($"Dear {name},");
            received.TextBody.ShouldContain("You signed version 1");
            received.TextBody.ShouldContain("it is now at version 2");
            LinkIn(email).ShouldMatch($"^http://localhost/sign/{s.PublicToken}/[0-9a-f]{{64}}$");
        }
        LinkIn(s.HrwEmail).ShouldNotBe(LinkIn(s.JaneEmail));

        var round = await RoundAsync(s.Letter);
        round.Signers.Select(r => (r.Name, r.State, r.EmailedAt is not null)).ShouldBe([
            ("Amnesty International USA", ReconfirmationState.NoEmail, false),
            ("Human Rights Watch", ReconfirmationState.Pending, true),
            ("Jane Doe", ReconfirmationState.Pending, true)], ignoreOrder: true);
    }

    [Fact]
    public async Task only_the_hash_of_a_link_is_stored_and_it_opens_that_one_signature()
    {
        var s = await SignedThenRevisedAsync();
        var secret = LinkIn(s.HrwEmail).Split('/').Last();

        await using var session = Store.QuerySession();
        (await session.LoadAsync<ReconfirmationLink>(secret)).ShouldBeNull();
        (await session.LoadAsync<ReconfirmationLink>(Secrets.Hash(secret))).ShouldNotBeNull().SignatureId.ShouldBe(s.Hrw.Id);
        var links = await session.Query<ReconfirmationLink>().ToListAsync();
        links.Count.ShouldBe(2);
        links.ShouldAllBe(l => l.Id.Length == 64 && !l.Id.Contains(secret));
    }

    [Fact]
    public async Task the_link_shows_the_change_and_re_confirms_with_the_signer_as_the_actor()
    {
        var s = await SignedThenRevisedAsync();
        var link = new Uri(LinkIn(s.JaneEmail)).AbsolutePath;

        var page = await (await Host.Scenario(x => x.Get.Url(link))).ReadAsTextAsync();
        page.ShouldContain("The text changed since you signed");
        page.ShouldContain("Jane Doe signed <strong>version 1</strong>");
        page.ShouldContain("We urge the United States to remain a member.");
        page.ShouldNotContain(s.HrwEmail);

        var answered = await Host.SubmitToAsync(link, "Reconfirm");
        answered.ShouldContain("Your signature now stands on <strong>version 2</strong>");

        var jane = (await Host.LetterAsync(s.Letter)).Signatories.Single(x => x.Id == s.Jane.Id);
        (jane.SignedVersion, jane.NeedsReconfirmation).ShouldBe((2, false));
        await using var session = Store.QuerySession();
        var reconfirmed = (await session.Events.FetchStreamAsync(s.Jane.Id)).Select(e => e.Data).OfType<SignatureReconfirmed>().ShouldHaveSingleItem();
        reconfirmed.By.ShouldBe($"Jane Doe <{s.JaneEmail}> (re-confirmation link)");
        (await RoundAsync(s.Letter)).Signers.Single(r => r.SignatureId == s.Jane.Id).State.ShouldBe(ReconfirmationState.Reconfirmed);
    }

    [Fact]
    public async Task the_link_withdraws_the_signature_as_history()
    {
        var s = await SignedThenRevisedAsync();
        var link = new Uri(LinkIn(s.HrwEmail)).AbsolutePath;

        (await Host.SubmitToAsync(link, "Withdraw")).ShouldContain("Your signature was withdrawn");

        var letter = await Host.LetterAsync(s.Letter);
        letter.Signatories.ShouldNotContain(x => x.Id == s.Hrw.Id);
        letter.Withdrawn.ShouldHaveSingleItem().Name.ShouldBe("Human Rights Watch");
        (await RoundAsync(s.Letter)).Signers.Single(r => r.SignatureId == s.Hrw.Id).State.ShouldBe(ReconfirmationState.Withdrawn);
    }

    [Fact]
    public async Task staff_send_one_reminder_to_those_who_have_not_answered_and_a_second_is_refused()
    {
        var s = await SignedThenRevisedAsync();
        await Host.SubmitToAsync(new Uri(LinkIn(s.JaneEmail)).AbsolutePath, "Reconfirm");

        await TrackedAsync(x => x.Post.Json(new { }).ToUrl($"/api/letters/{s.Letter}/reconfirmation-reminder"));

        var toHrw = Smtp.MessagesTo(s.HrwEmail);
        toHrw.Count.ShouldBe(2);
        var reminder = toHrw.Last().Message;
        reminder.Subject.ShouldStartWith("Reminder: please re-confirm");
        Smtp.MessagesTo(s.JaneEmail).Count.ShouldBe(1, "Jane answered; she is not reminded");
        (await RoundAsync(s.Letter)).Signers.Single(r => r.SignatureId == s.Hrw.Id).RemindedAt.ShouldNotBeNull();

        var again = await Host.Scenario(x =>
        {
            x.Post.Json(new { }).ToUrl($"/api/letters/{s.Letter}/reconfirmation-reminder");
            x.StatusCodeShouldBe(409);
        });
        again.ReadAsJson<Microsoft.AspNetCore.Mvc.ProblemDetails>()!.Detail.ShouldNotBeNull().ShouldContain("already sent");
    }

    [Fact]
    public async Task closing_the_letter_expires_the_link_and_an_answer_through_it_changes_nothing()
    {
        var s = await SignedThenRevisedAsync();
        var link = new Uri(LinkIn(s.HrwEmail)).AbsolutePath;

        // the signer opened the page while the letter was open, and answers after it closed
        (await Host.SubmitToAsync(link, "Reconfirm", meanwhile: () => Host.LifecycleAsync(s.Letter, "close")))
            .ShouldContain("This link stopped working when the letter was closed");
        (await (await Host.Scenario(x => x.Get.Url(link))).ReadAsTextAsync()).ShouldContain("your link no longer changes anything");

        (await Host.LetterAsync(s.Letter)).Signatories.Single(x => x.Id == s.Hrw.Id).SignedVersion.ShouldBe(1);
    }

    [Fact]
    public async Task a_made_up_link_names_nobody()
    {
        var s = await SignedThenRevisedAsync();

        var page = await (await Host.Scenario(x => x.Get.Url($"/sign/{s.PublicToken}/{new string('a', 64)}"))).ReadAsTextAsync();

        page.ShouldContain("This personal link is not valid");
        page.ShouldNotContain("Re-confirm my signature");
    }

    [GeneratedRegex(@"http://\S+/sign/\S+")]
    private static partial Regex LinkPattern();
}
