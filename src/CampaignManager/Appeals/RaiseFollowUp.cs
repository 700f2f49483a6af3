namespace CampaignManager.Appeals;

/// <summary>
/// Raise a follow-up for one recipient whose response was due by <see cref="DueBy"/>. Stale (does nothing) once the
/// target answered, the follow-up was raised, or the recipient's due date is another one.
/// </summary>
public record RaiseFollowUp(Guid AppealId, Guid TargetId, DateTimeOffset DueBy);

public static class RaiseFollowUpHandler
{
    public const string Actor = "deadline";

    /// <summary>Wolverine schedules on the machine's clock, so the due moment becomes a delay from TimeProvider's now.</summary>
    public static DeliveryMessage<RaiseFollowUp> Schedule(Guid appealId, Guid targetId, DateTimeOffset due, DateTimeOffset now) =>
        new RaiseFollowUp(appealId, targetId, due).DelayedFor(due > now ? due - now : TimeSpan.Zero);

    public static AppealFollowUpDue? Decide(AppealRecipient? recipient, RaiseFollowUp m, DateTimeOffset now) =>
        recipient is { FollowUpRaisedAt: null, ResponseDueBy: { } due } && due == m.DueBy
        && recipient.StatusAt(now) == RecipientStatus.FollowUpDue
            ? new AppealFollowUpDue(m.AppealId, m.TargetId, due, Actor, now)
            : null;

    // A delivery still in flight at the due date is not "unanswered" yet; the sweep tries again once it is sent.
    public static async Task HandleAsync(RaiseFollowUp m, IDocumentSession session, TimeProvider clock, CancellationToken token)
    {
        var stream = await session.Events.FetchForExclusiveWriting<AppealRecipient>(AppealRecipient.StreamId(m.AppealId, m.TargetId), token);
        if (Decide(stream.Aggregate, m, clock.GetUtcNow()) is { } due) stream.AppendOne(due);
    }
}

/// <summary>The Appeals part of the deadline sweep (Hosting/DeadlineSweep): follow-ups now due, and the day's digest.</summary>
public static class SweepFollowUpsHandler
{
    public static async Task<OutgoingMessages> HandleAsync(SweepDeadlines _, IQuerySession session, TimeProvider clock,
        IOptions<DeadlineSettings> settings, CancellationToken token)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var unanswered = await FollowUps.DueAsync(session, now, token);
        messages.AddRange(unanswered.Select(r => new RaiseFollowUp(r.AppealId, r.TargetId, r.ResponseDueBy!.Value)));

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (now >= settings.Value.DigestMomentOn(today)
            && await session.LoadAsync<FollowUpDigest>(SendFollowUpDigestHandler.IdFor(today), token) is null)
            messages.Add(new SendFollowUpDigest(today));
        return messages;
    }
}
