using Marten.Events.Projections;
using Marten.Pagination;

namespace CampaignManager.Targets;

/// <summary>What staff see of a target; also what the list, filters and the CSV import's re-use look-up query.</summary>
public sealed record TargetDetails(
    Guid Id, string Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string> Tags, DateTimeOffset RegisteredAt, string RegisteredBy, DateTimeOffset LastChangedAt,
    string? Language = null, string? FormOfAddress = null)
{
    /// <summary>Targets filtered by tag, country or text, by name: what the API and the targets page read.</summary>
    public static async Task<PageOf<TargetDetails>> FindAsync(IQuerySession session, string? tag, string? country, string? q,
        int number, int size, CancellationToken token)
    {
        var query = session.Query<TargetDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(tag))
        {
            var key = tag.Trim().ToLowerInvariant();
            query = query.Where(x => x.Tags.Contains(key));
        }
        if (!string.IsNullOrWhiteSpace(country))
        {
            var c = country.Trim();
            query = query.Where(x => x.Country!.Equals(c, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var s = q.Trim();
            query = query.Where(x => x.Name.Contains(s, StringComparison.OrdinalIgnoreCase)
                                     || x.Organization!.Contains(s, StringComparison.OrdinalIgnoreCase)
                                     || x.Email!.Contains(s, StringComparison.OrdinalIgnoreCase));
        }

        var found = await query.OrderByName().ToPagedListAsync(number, size, token);
        return new PageOf<TargetDetails>(found.ToList(), found.TotalItemCount, number, size);
    }
}

/// <summary>
/// A multi-stream projection keyed by target id, rather than a snapshot of the target stream, so the target's
/// record across appeals could be folded in; see <see cref="TargetWithAppeals"/> for why it is joined at read time instead.
/// Inline: a target registered by one request is listed and re-used by the next.
/// </summary>
public class TargetDetailsProjection : MultiStreamProjection<TargetDetails, Guid>
{
    public TargetDetailsProjection()
    {
        Identity<ITargetEvent>(e => e.TargetId);
    }

    public TargetDetails Create(TargetRegistered e) =>
        new(e.TargetId, e.Name, e.Title, e.Organization, e.Email, e.Address, e.Country, e.Tags, e.At, e.By, e.At);

    public TargetDetails Apply(TargetDetailsCorrected e, TargetDetails view) => view with
    {
        Name = e.Name, Title = e.Title, Organization = e.Organization, Email = e.Email, Address = e.Address,
        Country = e.Country, Tags = e.Tags, LastChangedAt = e.At
    };

    public TargetDetails Apply(TargetCorrespondenceSet e, TargetDetails view) => view with
    {
        Language = e.Language, FormOfAddress = e.FormOfAddress, LastChangedAt = e.At
    };

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<TargetDetailsProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<TargetDetails>().Index(x => x.Name).Index(x => x.Email!);
    }
}

public static class ListTargetsEndpoint
{
    public static ProblemDetails Validate(int? page, int? pageSize) => Problems.Validation(new FieldErrors().PageAndSize(page, pageSize));

    [WolverineGet("/api/targets", Name = "ListTargets")]
    [Tags("Targets")]
    [EndpointSummary("List targets, filtered by tag, country or text")]
    public static Task<PageOf<TargetDetails>> List(string? tag, string? country, string? q, int? page, int? pageSize,
        IQuerySession session, CancellationToken token) =>
        TargetDetails.FindAsync(session, tag, country, q, page ?? 1, pageSize ?? 50, token);

}
