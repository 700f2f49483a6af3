namespace CampaignManager.Appeals;

/// <summary>A recipient whose response date passed without an answer, until staff record one.</summary>
public record OpenFollowUp(Guid AppealId, Guid TargetId, string Name, Guid LetterId, string LetterTitle, DateTimeOffset DueBy,
    DateTimeOffset RaisedAt, RecipientStatus Status);

public static class FollowUps
{
    /// <summary>Raised and still unanswered: recording a response (or a manual delivery's answer) takes it off the list.</summary>
    public static async Task<IReadOnlyList<OpenFollowUp>> OpenAsync(IQuerySession session, CancellationToken token)
    {
        var raised = await session.Query<AppealRecipient>()
            .Where(r => r.FollowUpRaisedAt != null && (r.Status == RecipientStatus.Sent || r.Status == RecipientStatus.Acknowledged))
            .OrderBy(r => r.ResponseDueBy).ToListAsync(token);
        return raised.Select(r => new OpenFollowUp(r.AppealId, r.TargetId, r.Name, r.LetterId, r.LetterTitle, r.ResponseDueBy!.Value,
            r.FollowUpRaisedAt!.Value, r.Status)).ToList();
    }

    /// <summary>Past their date, delivered, unanswered, and not raised yet: the follow-ups about to be raised.</summary>
    public static async Task<IReadOnlyList<AppealRecipient>> DueAsync(IQuerySession session, DateTimeOffset now, CancellationToken token) =>
        await session.Query<AppealRecipient>()
            .Where(r => r.FollowUpRaisedAt == null && r.ResponseDueBy != null && r.ResponseDueBy < now
                        && (r.Status == RecipientStatus.Sent || r.Status == RecipientStatus.Acknowledged)).ToListAsync(token);

    [WolverineGet("/api/follow-ups", Name = "ListOpenFollowUps")]
    [EndpointSummary("Appeal recipients whose response date passed without an answer")]
    [Tags("Appeals")]
    public static Task<IReadOnlyList<OpenFollowUp>> Get(IQuerySession session, CancellationToken token) => OpenAsync(session, token);
}
