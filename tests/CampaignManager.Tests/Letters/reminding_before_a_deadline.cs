using CampaignManager.Tests.Appeals;
using CampaignManager.Letters;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Letters;

/// <summary>Reminders and closes handled as the durable messages would deliver them, against the real SMTP server.</summary>
[Collection(AppealsCollection.Name)]
public class reminding_before_a_deadline(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    [Fact]
    public async Task a_staff_only_reminder_goes_once_to_staff_accounts_with_an_email_login_and_to_no_signer()
    {
        var lead = $"lead-{Guid.NewGuid():N}@team.example";
        await CreateAccountAsync(lead);
        await CreateAccountAsync($"ops-{Guid.NewGuid():N}");
        var signer = $"office-{Guid.NewGuid():N}@ngo.example";
        var deadline = Fixture.Clock.GetUtcNow().AddDays(2);
        var letter = await Host.DraftAsync();
        await Host.Scenario(x => x.Post.Json(new { deadline, remindDaysBefore = new[] { 1 }, remindAudience = "staff" }).ToUrl($"/api/letters/{letter}/open"));
        await Host.SignAsync(letter, LetterApi.Organization("Amnesty International", signer));

        Fixture.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await Host.InvokeMessageAndWaitAsync(new SendDeadlineReminder(letter, deadline, 1));
        await Host.InvokeMessageAndWaitAsync(new SendDeadlineReminder(letter, deadline, 1));

        // the lead is staff, so the collection's daily follow-up digest may reach them too: only reminders count here
        Smtp.MessagesTo(lead).Where(m => m.Message.Subject?.StartsWith("Reminder:") == true).ShouldHaveSingleItem()
            .Message.Subject.ShouldStartWith("Reminder: \"Reconsider the withdrawal\" closes for signatures");
        Smtp.MessagesTo(signer).ShouldBeEmpty();
        var page = await Host.GetAsText($"/letters/{letter}");
        page.ShouldContain("to staff only:");
        page.ShouldContain("sent ");
    }

    [Fact]
    public async Task a_close_scheduled_for_a_deadline_that_was_since_moved_leaves_the_letter_open()
    {
        var first = Fixture.Clock.GetUtcNow().AddHours(1);
        var letter = await Host.DraftAsync();
        await Host.Scenario(x => x.Post.Json(new { deadline = first }).ToUrl($"/api/letters/{letter}/open"));
        await Host.LifecycleAsync(letter, "close");
        await Host.Scenario(x => x.Post.Json(new { deadline = first.AddDays(1) }).ToUrl($"/api/letters/{letter}/open"));

        Fixture.Clock.Advance(TimeSpan.FromHours(2));
        await Host.InvokeMessageAndWaitAsync(new CloseAtDeadline(letter, first));
        (await Host.LetterAsync(letter)).Status.ShouldBe(LetterStatus.Open);

        Fixture.Clock.Advance(TimeSpan.FromDays(1));
        await Host.InvokeMessageAndWaitAsync(new CloseAtDeadline(letter, first.AddDays(1)));
        (await Host.LetterAsync(letter)).Status.ShouldBe(LetterStatus.Closed);
    }

    private Task<IScenarioResult> CreateAccountAsync(string login) => Host.Scenario(x =>
    {
        x.Post.Json(new { login, role = "editor" }).ToUrl("/api/staff/accounts");
        x.WithRequestHeader(TestStaffAuthentication.RoleHeader, "admin");
        x.StatusCodeShouldBe(201);
    });
}
