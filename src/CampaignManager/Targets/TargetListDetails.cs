using Marten.Pagination;

namespace CampaignManager.Targets;

public record TargetListSummary(Guid Id, string Name, string? Description, int MemberCount, DateTimeOffset LastChangedAt);

public record TargetListMember(Guid Id, string Name, string? Title, string? Organization, string? Email, string? Country);

/// <summary>A list with its members' current names: corrected details show up without touching the list.</summary>
public record TargetListDetails(
    Guid Id, string Name, string? Description, IReadOnlyList<TargetListMember> Members,
    DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset LastChangedAt);

public static class ListTargetListsEndpoint
{
    public static ProblemDetails Validate(int? page, int? pageSize) => ListTargetsEndpoint.Validate(page, pageSize);

    [WolverineGet("/api/target-lists", Name = "ListTargetLists")]
    [Tags("Targets")]
    [EndpointSummary("List target lists")]
    public static async Task<PageOf<TargetListSummary>> List(int? page, int? pageSize, IQuerySession session, CancellationToken token)
    {
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var found = await session.Query<TargetList>().OrderByName().ToPagedListAsync(number, size, token);
        return new PageOf<TargetListSummary>(
            found.Select(l => new TargetListSummary(l.Id, l.Name, l.Description, l.Members.Count, l.LastChangedAt)).ToList(),
            found.TotalItemCount, number, size);
    }
}

public static class GetTargetListEndpoint
{
    [WolverineGet("/api/target-lists/{id}", Name = "GetTargetList")]
    [Tags("Targets")]
    [EndpointSummary("A target list and its members")]
    [ProducesResponseType<TargetListDetails>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token)
    {
        var list = await session.LoadAsync<TargetList>(id, token);
        if (list is null) return Results.Problem(Problems.NotFound("Target list", id));

        var targets = (await session.LoadManyAsync<TargetDetails>(token, list.Members)).ToDictionary(t => t.Id);
        var members = list.Members.Where(targets.ContainsKey).Select(m => targets[m])
            .Select(t => new TargetListMember(t.Id, t.Name, t.Title, t.Organization, t.Email, t.Country)).ToList();
        return Results.Ok(new TargetListDetails(list.Id, list.Name, list.Description, members, list.CreatedAt, list.CreatedBy,
            list.LastChangedAt));
    }
}
