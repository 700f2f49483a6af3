using CampaignManager.Letters;
using CampaignManager.Signatures;
using CampaignManager.Targets;

namespace CampaignManager.Appeals;

/// <summary>
/// Send the final letter to targets, named one by one and/or through target lists. An idempotency key (the
/// <c>Idempotency-Key</c> header or <see cref="IdempotencyKey"/>) makes a resubmission answer with the first appeal.
/// </summary>
public record SendAppeal(
    IReadOnlyList<Guid>? TargetIds, IReadOnlyList<Guid>? TargetListIds, AppealChannel? Channel,
    string? CoverMessage = null, DateTimeOffset? ResponseDueBy = null, string? IdempotencyKey = null);

public record NewAppealResponse(Guid Id) : CreationResponse<Guid>($"/api/appeals/{Id}", Id);

/// <summary>What the decision needs, loaded once (a record, so Wolverine does not bind its parts from the query string).</summary>
public record SendAppealInputs(Letter? Letter, IReadOnlyList<SignatoryView> Signatories,
    IReadOnlyList<TargetDetails> Targets, IReadOnlyList<TargetList> Lists, RequestKey? Key = null);

/// <summary>The request's idempotency key as given (header and/or field), its document id, and the appeal it already sent, if any.</summary>
public record RequestKey(string? Header, string? Field, string Id, AppealRequestKey? Existing)
{
    public string Value => Header ?? Field!;
}

/// <summary>The facts and the work: the appeal, one stream per recipient, one delivery message per email recipient.</summary>
public record AppealDecision(AppealSent Sent, IReadOnlyList<AppealRecipientQueued> Queued, IReadOnlyList<DeliverAppealEmail> Deliveries);

public static class SendAppealEndpoint
{
    public static async Task<SendAppealInputs> LoadAsync(Guid id, SendAppeal command, IDocumentSession session, HttpContext context,
        CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return new SendAppealInputs(null, [], [], []);
        var header = context.Request.Headers[AppealRequestKey.Header].ToString() is { Length: > 0 } h ? h : null;
        RequestKey? key = null;
        if ((header ?? command.IdempotencyKey) is { } given)
        {
            var keyId = AppealRequestKey.IdFor(id, context.User.ActorName(), given);
            await AppealRequestKey.HoldAsync(session, keyId, token);
            key = new RequestKey(header, command.IdempotencyKey, keyId, await session.LoadAsync<AppealRequestKey>(keyId, token));
            // a resubmission needs nothing else: it is answered with the appeal the key already sent
            if (key.Existing is not null) return new SendAppealInputs(letter, [], [], [], key);
        }
        var signatures = await session.Query<Signature>().Where(x => x.LetterId == id).ToListAsync(token);
        var listIds = (command.TargetListIds ?? []).Distinct().ToArray();
        var lists = await session.Query<TargetList>().Where(x => listIds.Contains(x.Id)).ToListAsync(token);
        var targetIds = (command.TargetIds ?? []).Concat(lists.SelectMany(l => l.Members)).Distinct().ToArray();
        var targets = await session.Query<TargetDetails>().Where(x => targetIds.Contains(x.Id)).ToListAsync(token);
        return new SendAppealInputs(letter, LetterDetails.Build(letter, signatures).Signatories, targets, lists.ToList(), key);
    }

    public static ProblemDetails Validate(Guid id, SendAppeal command, SendAppealInputs inputs, TimeProvider clock)
    {
        if (inputs.Letter is not { } letter) return Problems.NotFound("Letter", id);
        if (CheckKey(command, inputs.Key) is { } keyProblem) return keyProblem;
        if (inputs.Key?.Existing is not null) return WolverineContinue.NoProblems;
        var errors = new FieldErrors()
            .When(command.Channel is null, "channel", "is required: \"email\" or \"manual\"")
            .MaxLength("coverMessage", command.CoverMessage, 10_000, multiLine: true)
            .When(command.ResponseDueBy is { } due && due <= clock.GetUtcNow(), "responseDueBy", "must be in the future");
        var found = inputs.Targets.Select(t => t.Id).ToHashSet();
        var unknownTargets = (command.TargetIds ?? []).Distinct().Where(t => !found.Contains(t)).ToList();
        errors.When(unknownTargets.Count > 0, "targetIds", $"unknown target ids: {string.Join(", ", unknownTargets)}");
        var unknownLists = (command.TargetListIds ?? []).Distinct().Except(inputs.Lists.Select(l => l.Id)).ToList();
        errors.When(unknownLists.Count > 0, "targetListIds", $"unknown target list ids: {string.Join(", ", unknownLists)}");
        errors.When(inputs.Targets.Count == 0 && unknownTargets.Count == 0 && unknownLists.Count == 0, "targetIds",
            "no recipients: name at least one target or a target list with members");
        // Refused rather than recorded as failed: an email to nobody is a mistake staff can see and fix now
        // (correct the targets or send those by the manual channel), not a delivery problem to chase later.
        var noEmail = inputs.Targets.Where(t => string.IsNullOrWhiteSpace(t.Email)).Select(t => t.Name).Order().ToList();
        errors.When(command.Channel == AppealChannel.Email && noEmail.Count > 0, "channel",
            $"email needs an address for every recipient; these targets have none: {string.Join(", ", noEmail)}");
        if (errors.Count > 0) return Problems.Validation(errors);
        return LetterRules.MustBe(letter, "sent as an appeal", LetterStatus.Final);
    }

    /// <summary>
    /// A key reused for a different request is refused with 422 (the IETF idempotency-key draft's answer): answering
    /// with the first appeal would tell staff their new recipients were sent to when they were not.
    /// </summary>
    public static ProblemDetails? CheckKey(SendAppeal command, RequestKey? key)
    {
        if (key is null) return null;
        var errors = new FieldErrors()
            .When(key.Header is not null && key.Field is not null && key.Header != key.Field, "idempotencyKey",
                $"differs from the {AppealRequestKey.Header} header; give one key")
            .When(string.IsNullOrWhiteSpace(key.Value) || key.Value.Length > AppealRequestKey.MaxLength, "idempotencyKey",
                $"must be 1 to {AppealRequestKey.MaxLength} characters");
        if (errors.Count > 0) return Problems.Validation(errors);
        if (key.Existing is { } first && first.Fingerprint != AppealRequestKey.FingerprintOf(command))
            return new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = "This idempotency key was used for a different appeal.",
                Detail = $"The key already sent appeal {first.AppealId} with other recipients, channel, cover message or due date. " +
                         "Use a new key for a new appeal (on the page: reload it)."
            };
        return null;
    }

    public static AppealDecision Decide(Guid appealId, Letter letter, IReadOnlyList<SignatoryView> signatories,
        IEnumerable<TargetDetails> recipients, SendAppeal command, string by, DateTimeOffset at)
    {
        var channel = command.Channel!.Value;
        var translations = AppealLanguages.Sendable(letter);
        var people = recipients.DistinctBy(t => t.Id).OrderBy(t => t.Name, Collation.Names)
            .Select(t => new AppealRecipientInfo(t.Id, t.Name, t.Title, t.Organization, t.Email,
                AppealLanguages.For(letter, translations, t.Language), t.FormOfAddress)).ToList();
        var text = letter.Current;
        var sent = new AppealSent(appealId, letter.Id, text.Title, letter.TextVersion, text.Subject, text.Body, text.Closing,
            signatories.Select(s => s.BlockLine(letter.Status)).ToList(), channel, TextRules.TrimToNull(command.CoverMessage), command.ResponseDueBy,
            people, by, at, translations.Where(t => people.Any(p => p.Language == t.Language)).ToList());
        var queued = people.Select(p => new AppealRecipientQueued(appealId, p.TargetId, letter.Id, text.Title, p, channel,
            command.ResponseDueBy, by, at)).ToList();
        var deliveries = channel == AppealChannel.Email
            ? people.Select(p => new DeliverAppealEmail(appealId, p.TargetId)).ToList()
            : [];
        return new AppealDecision(sent, queued, deliveries);
    }

    /// <summary>
    /// The events, the delivery messages and the idempotency key are saved in one PostgreSQL transaction (Wolverine's
    /// outbox on the Marten session): either the appeal exists and every email recipient has its delivery queued, or
    /// neither. A resubmission answers 201 again with the first appeal and queues nothing, also one that arrived while
    /// the first was in flight (it waited for the key's lock).
    /// </summary>
    [WolverinePost("/api/letters/{id}/appeals", Name = "SendAppeal")]
    [EndpointSummary("Send a final letter to targets as an appeal")]
    [Tags("Appeals")]
    public static (NewAppealResponse, OutgoingMessages) Post(SendAppeal command, SendAppealInputs inputs,
        IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        if (inputs.Key?.Existing is { } first) return (new NewAppealResponse(first.AppealId), []);
        var decision = Decide(Guid.CreateVersion7(), inputs.Letter!, inputs.Signatories,
            inputs.Targets, command, context.User.ActorName(), clock.GetUtcNow());
        // inserted, never upserted: PostgreSQL refuses the second of two identical requests racing each other
        if (inputs.Key is { } key) session.Insert(new AppealRequestKey(key.Id, decision.Sent.AppealId, AppealRequestKey.FingerprintOf(command)));
        session.Events.StartStream<Appeal>(decision.Sent.AppealId, decision.Sent);
        foreach (var q in decision.Queued)
            session.Events.StartStream<AppealRecipient>(AppealRecipient.StreamId(q.AppealId, q.TargetId), q);
        var messages = new OutgoingMessages();
        messages.AddRange(decision.Deliveries);
        // the follow-up is scheduled with the appeal, so it is raised even if the app is down in between
        if (command.ResponseDueBy is { } due)
            foreach (var q in decision.Queued) messages.Add(RaiseFollowUpHandler.Schedule(q.AppealId, q.TargetId, due, decision.Sent.At));
        return (new NewAppealResponse(decision.Sent.AppealId), messages);
    }
}
