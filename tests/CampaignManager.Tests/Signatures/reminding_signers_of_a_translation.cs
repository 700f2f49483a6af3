using CampaignManager.Tests.Appeals;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using Wolverine.Tracking;

namespace CampaignManager.Tests.Signatures;

/// <summary>The re-confirmation reminder over HTTP with real SMTP: it reaches a translation's signers when their text changed.</summary>
[Collection(AppealsCollection.Name)]
public class reminding_signers_of_a_translation(AppealsFixture fixture) : IntegrationContext(fixture)
{
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task<IScenarioResult> TrackedAsync(string url, object body, int expected = 200)
    {
        IScenarioResult? result = null;
        await Host.TrackActivity().Timeout(AppealApi.FanOutPatience).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            result = await Host.Scenario(x => { x.Post.Json(body).ToUrl(url); x.StatusCodeShouldBe(expected); })));
        return result!;
    }

    [Fact]
    public async Task a_french_signer_is_reminded_in_french_after_the_french_text_changed_and_only_once_per_french_revision()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.TranslateAsync(letter, "fr");
        var (frEmail, enEmail) = ($"fidh-{Guid.NewGuid():N}@ngo.example", $"hrw-{Guid.NewGuid():N}@ngo.example");
        await Host.SignAsync(letter, new { kind = "organization", name = "FIDH", email = frEmail, language = "fr" });
        await Host.SignAsync(letter, LetterApi.Organization("Human Rights Watch", email: enEmail));

        // only the French text changes: FIDH is asked, and the reminder reaches FIDH alone
        await TrackedAsync($"/api/letters/{letter}/translations/fr/revisions", new { body = "Nous exhortons les États-Unis à rester membres." });
        Smtp.MessagesTo(frEmail).ShouldHaveSingleItem();
        (await Host.GetAsJson<ReconfirmationRound>($"/api/letters/{letter}/reconfirmations"))!.CanRemind.ShouldBeTrue();

        var accepted = (await TrackedAsync($"/api/letters/{letter}/reconfirmation-reminder", new { }))
            .ReadAsJson<ReconfirmationReminderAccepted>()!;
        accepted.Signers.ShouldBe(1);
        accepted.Languages.ShouldBe(["fr"]);
        var reminder = Smtp.MessagesTo(frEmail).Last().Message;
        reminder.Subject.ShouldStartWith("Rappel : merci de confirmer à nouveau votre signature");
        Smtp.MessagesTo(enEmail).ShouldBeEmpty("the English text did not change");
        var round = (await Host.GetAsJson<ReconfirmationRound>($"/api/letters/{letter}/reconfirmations"))!;
        round.Signers.Single(r => r.Language == "fr").RemindedAt.ShouldNotBeNull();
        round.CanRemind.ShouldBeFalse();

        // a second reminder for the same French version is a 409 and emails nobody
        var again = await Host.Scenario(x => { x.Post.Json(new { }).ToUrl($"/api/letters/{letter}/reconfirmation-reminder"); x.StatusCodeShouldBe(409); });
        again.ReadAsJson<Microsoft.AspNetCore.Mvc.ProblemDetails>()!.Detail.ShouldNotBeNull().ShouldContain("already sent");
        Smtp.MessagesTo(frEmail).Count.ShouldBe(2);

        // the source changes now: its own round, with its own reminder for Human Rights Watch alone
        await TrackedAsync($"/api/letters/{letter}/revisions", new { body = "We urge the United States to remain a member." });
        var second = (await TrackedAsync($"/api/letters/{letter}/reconfirmation-reminder", new { })).ReadAsJson<ReconfirmationReminderAccepted>()!;
        second.Languages.ShouldBe(["source"]);
        Smtp.MessagesTo(enEmail).Count.ShouldBe(2);
        Smtp.MessagesTo(frEmail).Count.ShouldBe(2);
        var history = (await Host.GetAsJson<List<HistoryLine>>($"/api/letters/{letter}/history"))!;
        history.Where(h => h.Event == nameof(ReconfirmationReminderRequested)).Select(h => h.Summary)
            .ShouldBe(["Re-confirmation reminder sent for version 2 of the French text", "Re-confirmation reminder sent for version 2"], ignoreOrder: true);
    }

    [Fact]
    public async Task two_reminders_racing_for_the_same_french_revision_send_one_and_the_other_is_a_409()
    {
        var letter = await Host.OpenDraftAsync();
        await Host.TranslateAsync(letter, "fr");
        var email = $"fidh-{Guid.NewGuid():N}@ngo.example";
        await Host.SignAsync(letter, new { kind = "organization", name = "FIDH", email, language = "fr" });
        await TrackedAsync($"/api/letters/{letter}/translations/fr/revisions", new { body = "Nous exhortons les États-Unis à rester membres." });

        IScenarioResult[] both = [];
        await Host.TrackActivity().Timeout(AppealApi.FanOutPatience).ExecuteAndWaitAsync((Func<Wolverine.IMessageContext, Task>)(async _ =>
            both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Host.Scenario(x =>
            {
                x.Post.Json(new { }).ToUrl($"/api/letters/{letter}/reconfirmation-reminder");
                x.IgnoreStatusCode();
            })))));

        both.Select(r => r.Context.Response.StatusCode).Order().ShouldBe([200, 409]);
        Smtp.MessagesTo(email).Count.ShouldBe(2, "the request after the French revision, then exactly one reminder");
        var history = (await Host.GetAsJson<List<HistoryLine>>($"/api/letters/{letter}/history"))!;
        history.Count(h => h.Event == nameof(ReconfirmationReminderRequested)).ShouldBe(1);
    }

    private sealed record HistoryLine(string Event, string Summary, string By);
}
