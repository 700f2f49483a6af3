namespace CampaignManager.Targets;

public record CreateTargetList(string? Name, string? Description, IReadOnlyList<Guid>? TargetIds);

public record NewTargetListResponse(Guid Id) : CreationResponse<Guid>($"/api/target-lists/{Id}", Id);

public static class CreateTargetListEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(CreateTargetList command, IQuerySession session, CancellationToken token)
    {
        var errors = new FieldErrors().Required("name", command.Name, 200).MaxLength("description", command.Description, 2000, multiLine: true);
        await TargetLists.CheckTargetsExist(errors, "targetIds", command.TargetIds, session, token);
        if (errors.Count > 0) return Problems.Validation(errors);

        // Staff pick lists by name when sending an appeal, so two lists with one name would be a trap.
        // This read gives the friendly answer; the UniqueName key claimed in Post makes it hold under concurrency.
        var name = command.Name!.Trim();
        return await session.Query<TargetList>().AnyAsync(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase), token)
            ? Problems.Conflict($"A target list named '{name}' already exists.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>The decision: the list, then its first members (if any) as a separate fact, the same one later additions record.</summary>
    public static IReadOnlyList<object> Decide(Guid listId, CreateTargetList command, string by, DateTimeOffset at)
    {
        var events = new List<object> { new TargetListCreated(listId, command.Name!.Trim(), TextRules.TrimToNull(command.Description), by, at) };
        var members = (command.TargetIds ?? []).Distinct().ToList();
        if (members.Count > 0) events.Add(new TargetsAddedToList(listId, members, by, at));
        return events;
    }

    [WolverinePost("/api/target-lists", Name = "CreateTargetList")]
    [Tags("Targets")]
    [EndpointSummary("Create a named list of targets")]
    public static (NewTargetListResponse, IStartStream) Post(CreateTargetList command, IDocumentSession session, HttpContext context,
        TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        UniqueName.Claim(session, UniqueName.TargetList, [NameKey(command.Name!)], id);
        var events = Decide(id, command, context.User.ActorName(), clock.GetUtcNow());
        return (new NewTargetListResponse(id), MartenOps.StartStream<TargetList>(id, events.ToArray()));
    }

    /// <summary>Case-insensitive, like the check in Validate: "UN members" and "un members" are one list name.</summary>
    public static string NameKey(string name) => name.Trim().ToUpperInvariant();
}
