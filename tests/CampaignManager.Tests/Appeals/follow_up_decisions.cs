using CampaignManager.Appeals;

namespace CampaignManager.Tests.Appeals;

/// <summary>When an unanswered appeal becomes a follow-up, and what the day's digest says: events and the clock alone.</summary>
public class follow_up_decisions
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = T0.AddDays(7);
    private static readonly Guid AppealId = Guid.NewGuid(), TargetId = Guid.NewGuid();
    private static readonly RaiseFollowUp Message = new(AppealId, TargetId, Due);

    private static AppealRecipient Recipient(DateTimeOffset? due, params object[] more) => AppealRecipient.Fold([
        new AppealRecipientQueued(AppealId, TargetId, Guid.NewGuid(), "Letter", new AppealRecipientInfo(TargetId, "Norway", null, null, "n@un.example"),
            AppealChannel.Email, due, "staff", T0), .. more])!;

    private static AppealEmailSent Sent => new(AppealId, TargetId, "n@un.example", "m", 1, "system", T0);

    [Fact]
    public void a_delivered_appeal_unanswered_past_its_date_raises_one_follow_up()
    {
        var raised = RaiseFollowUpHandler.Decide(Recipient(Due, Sent), Message, Due.AddMinutes(1));
        raised.ShouldBe(new AppealFollowUpDue(AppealId, TargetId, Due, "deadline", Due.AddMinutes(1)));
        RaiseFollowUpHandler.Decide(Recipient(Due, Sent, raised!), Message, Due.AddDays(1)).ShouldBeNull();
    }

    [Fact]
    public void no_follow_up_before_the_date_after_an_answer_while_still_queued_or_for_a_changed_date()
    {
        RaiseFollowUpHandler.Decide(Recipient(Due, Sent), Message, Due).ShouldBeNull();
        RaiseFollowUpHandler.Decide(Recipient(Due, Sent, new AppealResponded(AppealId, TargetId, "Will consider", null, "staff", T0.AddDays(1))),
            Message, Due.AddDays(1)).ShouldBeNull();
        RaiseFollowUpHandler.Decide(Recipient(Due), Message, Due.AddDays(1)).ShouldBeNull();
        RaiseFollowUpHandler.Decide(Recipient(Due.AddDays(1), Sent), Message, Due.AddDays(2)).ShouldBeNull();
    }

    [Fact]
    public void the_digest_lists_every_open_follow_up_in_one_email_per_staff_inbox_and_sends_nothing_on_a_quiet_day()
    {
        var day = new DateOnly(2026, 1, 12);
        var open = new[] { new OpenFollowUp(AppealId, TargetId, "Norway", Guid.NewGuid(), "Stay engaged", Due, Due, RecipientStatus.Sent) };
        var (digest, emails) = SendFollowUpDigestHandler.Decide(day, open, ["a@team.example", "b@team.example"], Due.AddDays(1));

        (digest.Id, digest.FollowUps).ShouldBe(("2026-01-12", 1));
        emails.Select(e => e.To).ShouldBe(["a@team.example", "b@team.example"]);
        emails.ShouldAllBe(e => e.Subject == "Follow-ups due on 2026-01-12: 1" && e.Text.Contains("Norway, on \"Stay engaged\""));

        var (quiet, none) = SendFollowUpDigestHandler.Decide(day, [], ["a@team.example"], Due.AddDays(1));
        (quiet.Id, quiet.FollowUps).ShouldBe(("2026-01-12", 0));
        none.ShouldBeEmpty();
    }
}
