namespace CampaignManager.Appeals.Inbox;

/// <summary>Staff say whose an unmatched message is: it is then recorded as the reader would have, by them.</summary>
public record AssignInboundMail(Guid? AppealId, Guid? TargetId);

/// <summary>The message and the recipient's stream the assignment acts on (either may be missing).</summary>
public sealed record InboundAssignment(InboundMail? Mail, IEventStream<AppealRecipient>? Recipient);

public static class AssignInboundMailEndpoint
{
    public static async Task<InboundAssignment> LoadAsync(Guid id, AssignInboundMail command, IDocumentSession session, CancellationToken token) =>
        new(await session.LoadAsync<InboundMail>(id, token),
            command is { AppealId: { } a, TargetId: { } t }
                ? await session.Events.FetchForWriting<AppealRecipient>(AppealRecipient.StreamId(a, t), token)
                : null);

    public static ProblemDetails Validate(Guid id, AssignInboundMail command, InboundAssignment assignment)
    {
        var errors = new FieldErrors()
            .When(command.AppealId is null, "appealId", "is required").When(command.TargetId is null, "targetId", "is required")
            .When(command is { AppealId: not null, TargetId: not null } && assignment.Recipient?.Aggregate is null, "targetId",
                "is not a recipient of that appeal");
        if (assignment.Mail is not { } mail) return Problems.NotFound("Inbound message", id);
        if (errors.Count > 0) return Problems.Validation(errors);
        return mail.Unassigned
            ? WolverineContinue.NoProblems
            : Problems.Conflict(mail.Processed ? "This message is already assigned to a recipient." : "This message is still being read; try again shortly.");
    }

    public static InboundOutcome Decide(InboundMail mail, AppealRecipient recipient, InboxSettings settings, string by, DateTimeOffset at)
    {
        var outcome = InboundDecision.Decide(mail.Class(), recipient, mail.Id, mail.From, mail.Subject, mail.Attachments, "staff", settings, at);
        // the same facts as the reader records, but staff decided whose they are
        return outcome with { Events = outcome.Events.Select(e => e switch
        {
            AppealBounced b => b with { By = by },
            AppealAutoAcknowledged a => a with { By = by },
            AppealReplyReceived r => r with { By = by },
            _ => e
        }).ToList() };
    }

    [WolverinePost("/api/inbox/messages/{id}/assign", Name = "AssignInboundMail"), EmptyResponse]
    [EndpointSummary("Assign an unmatched inbound message to an appeal recipient")]
    [Tags("Inbox")]
    public static OutgoingMessages Post(Guid id, AssignInboundMail command, InboundAssignment assignment, IDocumentSession session,
        IOptions<InboxSettings> settings, HttpContext context, TimeProvider clock)
    {
        var (mail, stream) = (assignment.Mail!, assignment.Recipient!);
        var by = context.User.ActorName();
        var outcome = Decide(mail, stream.Aggregate!, settings.Value, by, clock.GetUtcNow());
        var outgoing = new OutgoingMessages();
        ProcessInboundMailHandler.Record(session, stream, outcome, outgoing);
        (mail.AppealId, mail.TargetId, mail.MatchedBy, mail.AssignedBy, mail.Note) = (stream.Aggregate!.AppealId, stream.Aggregate.TargetId, "staff", by, outcome.Note);
        session.Store(mail);
        return outgoing;
    }
}
