using CampaignManager.Letters;
using Wolverine;

namespace CampaignManager.Tests.Letters;

/// <summary>What a deadline does by itself, decided from the letter's events and the clock alone.</summary>
public class deadline_decisions
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Deadline = T0.AddDays(3);
    private static readonly ReminderPlan EveryoneTwice = new([3, 1], ReminderAudience.Coalition);

    private static Letter Opened(DateTimeOffset? deadline, ReminderPlan? plan = null, params object[] more) =>
        Letter.Fold([letter_decisions.Drafted with { LetterId = Id }, new LetterOpenedForSignatures(Id, deadline, "maria", T0, "tok", plan), .. more])!;

    [Fact]
    public void the_deadline_closes_the_letter_as_the_deadline_actor_at_the_clocks_moment()
    {
        var closed = CloseAtDeadlineHandler.Decide(Opened(Deadline), new CloseAtDeadline(Id, Deadline), Deadline.AddSeconds(2));
        closed.ShouldBe(new SignaturesClosed(Id, "deadline", Deadline.AddSeconds(2)));
    }

    [Fact]
    public void a_close_that_runs_early_a_closed_letter_and_a_moved_or_cleared_deadline_do_nothing()
    {
        var message = new CloseAtDeadline(Id, Deadline);
        CloseAtDeadlineHandler.Decide(Opened(Deadline), message, Deadline.AddSeconds(-1)).ShouldBeNull();
        CloseAtDeadlineHandler.Decide(Opened(Deadline, null, new SignaturesClosed(Id, "ali", T0.AddDays(1))), message, Deadline).ShouldBeNull();
        CloseAtDeadlineHandler.Decide(Opened(Deadline.AddDays(1)), message, Deadline.AddHours(1)).ShouldBeNull();
        CloseAtDeadlineHandler.Decide(Opened(null), message, Deadline.AddHours(1)).ShouldBeNull();
        CloseAtDeadlineHandler.Decide(null, message, Deadline).ShouldBeNull();
    }

    [Fact]
    public void a_reminder_goes_once_to_every_address_between_its_moment_and_the_deadline()
    {
        var letter = Opened(Deadline, EveryoneTwice);
        var due = new SendDeadlineReminder(Id, Deadline, 1);
        var (sent, emails) = SendDeadlineReminderHandler.Decide(letter, due, ["a@ngo.example", "b@ngo.example"], Deadline.AddDays(-1));

        sent!.ShouldSatisfyAllConditions(e => (e.LetterId, e.Deadline, e.DaysBefore, e.Audience).ShouldBe((Id, Deadline, 1, ReminderAudience.Coalition)),
            e => e.SentTo.ShouldBe(["a@ngo.example", "b@ngo.example"]), e => (e.By, e.At).ShouldBe(("deadline", Deadline.AddDays(-1))));
        emails.Select(e => e.To).ShouldBe(["a@ngo.example", "b@ngo.example"]);
        emails.ShouldAllBe(e => e.Subject.Contains("closes for signatures"));
        SendDeadlineReminderHandler.IsDue(Opened(Deadline, EveryoneTwice, sent!), due, Deadline.AddHours(-1)).ShouldBeFalse();
        SendDeadlineReminderHandler.IsDue(letter, due, Deadline.AddDays(-1).AddSeconds(-1)).ShouldBeFalse();
        SendDeadlineReminderHandler.IsDue(letter, due, Deadline).ShouldBeFalse();
        SendDeadlineReminderHandler.IsDue(letter, due with { DaysBefore = 2 }, Deadline.AddHours(-1)).ShouldBeFalse();
        SendDeadlineReminderHandler.IsDue(Opened(Deadline.AddDays(1), EveryoneTwice), due, Deadline.AddHours(-1)).ShouldBeFalse();
    }

    [Fact]
    public void opening_with_a_deadline_schedules_the_close_and_each_reminder_still_ahead_as_delays_from_the_clock()
    {
        var scheduled = DeadlineSchedule.For(Id, Deadline, new ReminderPlan([7, 1], ReminderAudience.Staff), T0).Select(m => m switch
        {
            DeliveryMessage<CloseAtDeadline> c => ((object)c.Message, c.Options.ScheduleDelay),
            DeliveryMessage<SendDeadlineReminder> r => (r.Message, r.Options.ScheduleDelay),
            _ => (m, null)
        }).ToList();

        // the reminder a week before a deadline three days away is already past: not scheduled
        scheduled.ShouldBe([
            (new CloseAtDeadline(Id, Deadline), TimeSpan.FromDays(3)),
            (new SendDeadlineReminder(Id, Deadline, 1), TimeSpan.FromDays(2))
        ]);
        DeadlineSchedule.For(Id, null, EveryoneTwice, T0).ShouldBeEmpty();
    }

    [Fact]
    public void reminders_need_a_deadline_and_sensible_days()
    {
        ReminderPlan.Check(new FieldErrors(), null, [1]).Count.ShouldBe(1);
        ReminderPlan.Check(new FieldErrors(), Deadline, [0]).Count.ShouldBe(1);
        ReminderPlan.Check(new FieldErrors(), Deadline, [3, 1]).Count.ShouldBe(0);
        var plan = ReminderPlan.From([1, 3, 1], null)!;
        plan.DaysBefore.ShouldBe([3, 1]);
        plan.Audience.ShouldBe(ReminderAudience.Staff);
        ReminderPlan.From([], ReminderAudience.Coalition).ShouldBeNull();
    }
}
