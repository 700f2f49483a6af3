using CampaignManager.Hosting;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Appeals;

/// <summary>The target's office confirmed receipt, often with a reference number for the correspondence.</summary>
public record AcknowledgeAppeal(string? Reference = null);

public static class AcknowledgeAppealEndpoint
{
    public static Task<RecipientStream> LoadAsync(Guid id, Guid targetId, IDocumentSession session, CancellationToken token) =>
        RecipientStream.LoadAsync(id, targetId, session, token);

    public static ProblemDetails Validate(Guid id, Guid targetId, AcknowledgeAppeal command, RecipientStream loaded) =>
        Check(id, targetId, command, loaded.Recipient);

    public static ProblemDetails Check(Guid id, Guid targetId, AcknowledgeAppeal command, AppealRecipient? recipient)
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
    public static void Post(AcknowledgeAppeal command, RecipientStream loaded, HttpContext context, TimeProvider clock) =>
        loaded.Stream.AppendOne(Decide(loaded.Recipient!, command, context.User.ActorName(), clock.GetUtcNow()));
}
