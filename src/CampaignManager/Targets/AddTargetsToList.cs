namespace CampaignManager.Targets;

public record AddTargetsToList(IReadOnlyList<Guid>? TargetIds);

public static class AddTargetsToListEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(AddTargetsToList command, IQuerySession session, CancellationToken token)
    {
        var errors = new FieldErrors().When(command.TargetIds is not { Count: > 0 }, "targetIds", "must name at least one target");
        await TargetLists.CheckTargetsExist(errors, "targetIds", command.TargetIds, session, token);
        return Problems.Validation(errors);
    }

    /// <summary>The decision: only targets not yet on the list are added, so repeating a request changes nothing.</summary>
    public static Events Decide(TargetList list, IEnumerable<Guid> targetIds, string by, DateTimeOffset at)
    {
        var added = targetIds.Distinct().Where(id => !list.Members.Contains(id)).ToList();
        return added.Count == 0 ? [] : [new TargetsAddedToList(list.Id, added, by, at)];
    }

    [WolverinePost("/api/target-lists/{id}/members", Name = "AddTargetsToList"), EmptyResponse]
    [Tags("Targets")]
    [EndpointSummary("Add targets to a list (already listed ones are skipped)")]
    public static Events Post(AddTargetsToList command, [WriteAggregate] TargetList list,
        HttpContext context, TimeProvider clock) =>
        Decide(list, command.TargetIds!, context.User.ActorName(), clock.GetUtcNow());
}

internal static class TargetLists
{
    /// <summary>Adds one error naming every id that is not a registered target.</summary>
    public static async Task CheckTargetsExist(FieldErrors errors, string field, IReadOnlyList<Guid>? ids,
        IQuerySession session, CancellationToken token)
    {
        if (ids is not { Count: > 0 }) return;
        var wanted = ids.Distinct().ToArray();
        var found = await session.Query<TargetDetails>().Where(x => wanted.Contains(x.Id)).Select(x => x.Id).ToListAsync(token);
        var unknown = wanted.Except(found).ToList();
        if (unknown.Count > 0) errors.Add(field, $"unknown target ids: {string.Join(", ", unknown)}");
    }
}
