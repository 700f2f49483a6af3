using CampaignManager.Hosting;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Appeals;

/// <summary>Staff delivered the letter themselves; <see cref="Method"/> says how (hand, fax, post...).</summary>
public record RecordManualDelivery(string? Method, string? Note = null);

public static class RecordManualDeliveryEndpoint
{
    public static Task<(IEventStream<AppealRecipient> Stream, AppealRecipient? Recipient)> LoadAsync(Guid id, Guid targetId,
        IDocumentSession session, CancellationToken token) => RecipientStream.LoadAsync(id, targetId, session, token);

    public static ProblemDetails Validate(Guid id, Guid targetId, RecordManualDelivery command, AppealRecipient? recipient)
    {
        var errors = new FieldErrors().Required("method", command.Method, 100).MaxLength("note", command.Note, 2000, multiLine: true);
        if (errors.Count > 0) return Problems.Validation(errors);
        return RecipientRules.MustBe(recipient, id, targetId, "recorded as delivered", RecipientStatus.Queued, RecipientStatus.Failed,
            RecipientStatus.Uncertain).Then(() =>
            // a queued email recipient is in the delivery pipeline; recording it by hand would race the sender
            recipient!.Channel == AppealChannel.Email && recipient.Status == RecipientStatus.Queued
                ? Problems.Conflict("This recipient's email is still being delivered; record a manual delivery once it has failed.")
                : WolverineContinue.NoProblems);
    }

    public static AppealDeliveredManually Decide(AppealRecipient recipient, RecordManualDelivery command, string by, DateTimeOffset at) =>
        new(recipient.AppealId, recipient.TargetId, command.Method!.Trim(), TextRules.TrimToNull(command.Note), by, at);

    [WolverinePost("/api/appeals/{id}/recipients/{targetId}/delivered", Name = "RecordManualDelivery"), EmptyResponse]
    [EndpointSummary("Record that staff delivered the appeal by other means")]
    [Tags("Appeals")]
    public static void Post(RecordManualDelivery command, IEventStream<AppealRecipient> stream, AppealRecipient recipient, HttpContext context,
        TimeProvider clock) => stream.AppendOne(Decide(recipient, command, context.User.ActorName(), clock.GetUtcNow()));
}
