using CampaignManager.Appeals;
using CampaignManager.Appeals.Delivery;
using CampaignManager.Hosting.Email;
using CampaignManager.Targets;
using CampaignManager.Tests.Targets;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Appeals;

[Collection(AppealsCollection.Name)]
public class sending_an_appeal(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;
    private string From => Smtp.Settings().From;

    [Fact]
    public async Task an_appeal_to_a_target_list_delivers_one_email_per_recipient_with_subject_signatories_and_message_id()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, chinaEmail) = await Host.TargetAsync("China");
        var (france, franceEmail) = await Host.TargetAsync("France");
        var (peru, peruEmail) = await Host.TargetAsync("Peru");
        var list = await Host.CreateTargetList("UNSC 2019", china, france);

        // France is on the list and named directly: one recipient, one email
        var (appealId, _) = await Host.SendTrackedAsync(letter, new
        {
            targetIds = new[] { france, peru }, targetListIds = new[] { list }, channel = "email",
            coverMessage = "Please find our joint letter below.", responseDueBy = Fixture.Clock.GetUtcNow().AddDays(30)
        });

        foreach (var (target, email, name) in new[] { (china, chinaEmail, "China"), (france, franceEmail, "France"), (peru, peruEmail, "Peru") })
        {
            var received = Smtp.MessagesTo(email).ShouldHaveSingleItem();
            received.Message.To.Mailboxes.Single().Address.ShouldBe(email);
            received.Message.Subject.ShouldBe("U.S. membership of the UN Human Rights Council");
            received.Message.MessageId.ShouldBe(AppealEmail.MessageIdFor(appealId, target, From));
            received.Message.TextBody.ShouldNotBeNull().ShouldContain("Please find our joint letter below.");
            received.Message.TextBody.ShouldContain($"{name}\nPermanent Representative\nPermanent Mission of {name}");
            received.Message.TextBody.ShouldContain("Amnesty International USA\nHuman Rights Watch\nJane Doe, Professor, Columbia University*");
        }

        var appeal = await Host.AppealAsync(appealId);
        appeal.Counts.ShouldBe(new AppealCounts(0, 3, 0, 0, 0, 0));
        appeal.Recipients.Select(r => (r.Name, r.Status, r.MessageId)).ShouldBe([
            ("China", RecipientStatus.Sent, AppealEmail.MessageIdFor(appealId, china, From)),
            ("France", RecipientStatus.Sent, AppealEmail.MessageIdFor(appealId, france, From)),
            ("Peru", RecipientStatus.Sent, AppealEmail.MessageIdFor(appealId, peru, From))]);
        appeal.SignatoryLines.ShouldBe(["Amnesty International USA", "Human Rights Watch", "Jane Doe, Professor, Columbia University*"]);

        var letterAppeals = (await Host.GetAsJson<List<AppealSummary>>($"/api/letters/{letter}/appeals"))!;
        letterAppeals.ShouldHaveSingleItem().Counts.Sent.ShouldBe(3);
    }

    [Fact]
    public async Task a_permanently_rejected_address_fails_only_that_recipient_and_a_retry_after_correcting_it_delivers()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, chinaEmail) = await Host.TargetAsync("China");
        var (france, franceEmail) = await Host.TargetAsync("France");
        Smtp.RejectPermanently(chinaEmail);

        var (appealId, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { china, france }, channel = "email" });

        var appeal = await Host.AppealAsync(appealId);
        appeal.Counts.ShouldBe(new AppealCounts(0, 1, 1, 0, 0, 0));
        var failed = appeal.Recipients.Single(r => r.TargetId == china);
        failed.Status.ShouldBe(RecipientStatus.Failed);
        failed.Reason!.ShouldStartWith("550 5.1.1");
        Smtp.MessagesTo(franceEmail).ShouldHaveSingleItem();
        await Host.RecipientAsync(appealId, france, "retry", new { }, 409);

        var corrected = $"china-fixed-{Guid.NewGuid():N}@mission.example";
        await Host.Scenario(x =>
        {
            x.Post.Json(new { name = "China", title = "Permanent Representative", organization = "Permanent Mission of China", email = corrected })
                .ToUrl($"/api/targets/{china}/details");
            x.StatusCodeShouldBe(204);
        });
        await Host.ExecuteAndWaitAsync(async () => await Host.RecipientAsync(appealId, china, "retry", new { }, 204));

        Smtp.MessagesTo(corrected).ShouldHaveSingleItem().Message.MessageId.ShouldBe(AppealEmail.MessageIdFor(appealId, china, From));
        (await Host.AppealAsync(appealId)).Counts.ShouldBe(new AppealCounts(0, 2, 0, 0, 0, 0));
        Smtp.MessagesTo(franceEmail).Count.ShouldBe(1);
    }

    [Fact]
    public async Task recipients_are_acknowledged_answered_and_flagged_for_follow_up_and_the_target_shows_its_record()
    {
        var letter = await Host.FinalLetterAsync();
        var (china, _) = await Host.TargetAsync("China");
        var (france, _) = await Host.TargetAsync("France");
        var (peru, _) = await Host.TargetAsync("Peru");
        var due = Fixture.Clock.GetUtcNow().AddDays(14);
        var (appealId, _) = await Host.SendTrackedAsync(letter, new { targetIds = new[] { china, france, peru }, channel = "manual", responseDueBy = due });
        (await Host.AppealAsync(appealId)).Counts.Queued.ShouldBe(3);

        await Host.RecipientAsync(appealId, china, "acknowledge", new { reference = "REF-1" }, 409);
        foreach (var target in new[] { china, france, peru })
            await Host.RecipientAsync(appealId, target, "delivered", new { method = "hand delivery" }, 204);
        await Host.RecipientAsync(appealId, china, "delivered", new { method = "fax" }, 409);
        await Host.RecipientAsync(appealId, china, "acknowledge", new { reference = "REF-1" }, 204);
        await Host.RecipientAsync(appealId, china, "acknowledge", new { reference = "REF-2" }, 409);
        await Host.RecipientAsync(appealId, france, "respond", new { summary = "" }, 400);
        await Host.RecipientAsync(appealId, france, "respond", new { summary = "Will consider", link = "https://gov.example/answer" }, 204);
        await Host.RecipientAsync(appealId, Guid.NewGuid(), "acknowledge", new { }, 404);

        Fixture.Clock.Advance(TimeSpan.FromDays(15));
        var appeal = await Host.AppealAsync(appealId);
        appeal.Counts.ShouldBe(new AppealCounts(0, 0, 0, 0, 1, 2));
        appeal.Recipients.Single(r => r.TargetId == china).AcknowledgementReference.ShouldBe("REF-1");
        appeal.Recipients.Single(r => r.TargetId == france).ResponseLink.ShouldBe("https://gov.example/answer");

        var record = (await Host.GetAsJson<TargetWithAppeals>($"/api/targets/{france}"))!.Appeals.ShouldHaveSingleItem();
        (record.AppealId, record.LetterId, record.Status).ShouldBe((appealId, letter, RecipientStatus.Responded));
        record.LetterTitle.ShouldBe("Reconsider the withdrawal");
    }

    [Fact]
    public async Task only_a_final_letter_with_known_recipients_can_be_sent()
    {
        var (china, _) = await Host.TargetAsync("China");
        var holySee = await Host.RegisterTarget(new { name = "Holy See" });
        var open = await Host.OpenDraftAsync();
        var final = await Host.FinalLetterAsync();
        var unknown = Guid.NewGuid();

        await Send(open, new { targetIds = new[] { china }, channel = "email" }, 409);
        await Send(Guid.NewGuid(), new { targetIds = new[] { china }, channel = "email" }, 404);
        var problem = (await Send(final, new { targetIds = new[] { china, unknown, holySee }, targetListIds = new[] { unknown }, channel = "email" }, 400))
            .ReadAsJson<ValidationProblem>()!;
        problem.Errors!["targetIds"].Single().ShouldContain(unknown.ToString());
        problem.Errors["targetListIds"].Single().ShouldContain(unknown.ToString());
        problem.Errors["channel"].Single().ShouldContain("Holy See");
        await Send(final, new { targetIds = Array.Empty<Guid>(), channel = "email" }, 400);

        (await Host.GetAsJson<List<AppealSummary>>($"/api/letters/{final}/appeals"))!.ShouldBeEmpty();
    }

    private Task<IScenarioResult> Send(Guid letter, object body, int expected) => Host.Scenario(x =>
    {
        x.Post.Json(body).ToUrl($"/api/letters/{letter}/appeals");
        x.StatusCodeShouldBe(expected);
    });
}
