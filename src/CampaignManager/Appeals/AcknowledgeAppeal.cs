using CampaignManager.Hosting;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Appeals;

/// <summary>The target's office confirmed receipt, often with a reference number for the correspondence.</summary>
public record AcknowledgeAppeal(string? Reference = null);

public static class AcknowledgeAppealEndpoint
{
    public static Task<(IEventStream<AppealRecipient> Stream, AppealRecipient? Recipient)> LoadAsync(Guid id, Guid targetId,
        IDocumentSession session, CancellationToken token) => RecipientStream.LoadAsync(id, targetId, session, token);

    public static ProblemDetails Validate(Guid id, Guid targetId, AcknowledgeAppeal command, AppealRecipient? recipient)
    {
        var errors = new FieldErrors().MaxLength("reference", command.Reference, 200);
        if (errors.Count > 0) return Problems.Validation(errors);
        // only a delivered letter can be acknowledged; once answered, the answer says more than a receipt
        return RecipientRules.MustBe(recipient, id, targetId, "acknowledged", RecipientStatus.Sent);
    }

    public static AppealAcknowledged Decide(AppealRecipient recipient, AcknowledgeAppeal command, string by, DateTimeOffset at) =>
        new(recipient.AppealId, recipient.TargetId, TextRules.TrimToNull(command.Reference), by, at);

    [WolverinePost("/api/appeals/{id}/recipients/{targetId}/acknowledge", Name = "AcknowledgeAppeal"), EmptyResponse]
    [EndpointSummary("Record that a recipient's office acknowledged the appeal")]
    [Tags("Appeals")]
    public static void Post(AcknowledgeAppeal command, IEventStream<AppealRecipient> stream, AppealRecipient recipient, HttpContext context,
        TimeProvider clock) => stream.AppendOne(Decide(recipient, command, context.User.ActorName(), clock.GetUtcNow()));
}
