namespace CampaignManager.Targets;

public static class RemoveTargetFromListEndpoint
{
    public static ProblemDetails Validate(TargetList list, Guid targetId) =>
        list.Members.Contains(targetId) ? WolverineContinue.NoProblems : Problems.NotFound("List member", targetId);

    public static TargetRemovedFromList Decide(TargetList list, Guid targetId, string by, DateTimeOffset at) =>
        new(list.Id, targetId, by, at);

    [WolverineDelete("/api/target-lists/{id}/members/{targetId}", Name = "RemoveTargetFromList"), EmptyResponse]
    [Tags("Targets")]
    [EndpointSummary("Remove a target from a list")]
    public static TargetRemovedFromList Delete(Guid targetId, [WriteAggregate] TargetList list,
        HttpContext context, TimeProvider clock) =>
        Decide(list, targetId, context.User.ActorName(), clock.GetUtcNow());
}
