using System.Text.Json.Serialization;
using CampaignManager.Campaigns;
using CampaignManager.Targets;

namespace CampaignManager.Partners.Osdi;

public record OsdiAdvocacyCampaignLinks(
    [property: JsonPropertyName("self")] OsdiLink Self,
    [property: JsonPropertyName("osdi:petitions")] IReadOnlyList<OsdiLink> Petitions);

/// <summary>
/// A campaign as an OSDI advocacy campaign: its goal is the description, the targets are those whose position it
/// tracks, and its letters are linked as petitions.
/// </summary>
public record OsdiAdvocacyCampaign(
    [property: JsonPropertyName("identifiers")] string[] Identifiers,
    [property: JsonPropertyName("origin_system")] string OriginSystem,
    [property: JsonPropertyName("created_date")] DateTimeOffset CreatedDate,
    [property: JsonPropertyName("modified_date")] DateTimeOffset ModifiedDate,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("targets")] IReadOnlyList<OsdiTarget> Targets,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("_links")] OsdiAdvocacyCampaignLinks Links);

public record OsdiAdvocacyCampaignsEmbedded([property: JsonPropertyName("osdi:advocacy_campaigns")] IReadOnlyList<OsdiAdvocacyCampaign> Campaigns);

public record OsdiAdvocacyCampaignPage(int TotalPages, int PerPage, int Page, long TotalRecords, OsdiPageLinks Links,
    [property: JsonPropertyName("_embedded")] OsdiAdvocacyCampaignsEmbedded Embedded) : OsdiPage(TotalPages, PerPage, Page, TotalRecords, Links);

public static class OsdiAdvocacyCampaignsEndpoint
{
    private static async Task<IReadOnlyList<OsdiAdvocacyCampaign>> ToCampaignsAsync(HttpRequest request, IReadOnlyList<Campaign> campaigns,
        IQuerySession session, CancellationToken token)
    {
        var ids = campaigns.SelectMany(c => c.Positions.Select(p => p.TargetId)).Distinct().ToArray();
        var targets = (await session.LoadManyAsync<TargetDetails>(token, ids)).ToDictionary(t => t.Id);
        return campaigns.Select(c => new OsdiAdvocacyCampaign(Osdi.Identifiers(c.Id), Osdi.OriginSystem, c.LaunchedAt, c.LastChangedAt,
            c.Name, c.Goal,
            c.Positions.Select(p => p.TargetId).Distinct().Where(targets.ContainsKey)
                .Select(t => new OsdiTarget(targets[t].Name, targets[t].Title, targets[t].Organization)).ToList(),
            c.Status.ToString(),
            new OsdiAdvocacyCampaignLinks(new(Osdi.Href(request, $"{Osdi.Root}/advocacy_campaigns/{c.Id}")),
                c.Letters.Select(l => new OsdiLink(Osdi.Href(request, $"{Osdi.Root}/petitions/{l.LetterId}"))).ToList()))).ToList();
    }

    [WolverineGet(Osdi.Root + "/advocacy_campaigns", Name = "OsdiAdvocacyCampaigns")]
    [EndpointSummary("Campaigns as OSDI advocacy campaigns, oldest first, paged with page and per_page")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiAdvocacyCampaignPage))]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(HttpRequest request, int? page, [FromQuery(Name = "per_page")] int? perPage,
        IQuerySession session, CancellationToken token)
    {
        var errors = Osdi.PageAndPerPage(page, perPage);
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        var (p, size) = (page ?? 1, perPage ?? Osdi.DefaultPerPage);
        var total = await session.Query<Campaign>().CountAsync(token);
        var campaigns = await session.Query<Campaign>().OrderBy(x => x.LaunchedAt).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).ToListAsync(token);
        var path = Osdi.Root + "/advocacy_campaigns";
        return Osdi.Hal(new OsdiAdvocacyCampaignPage(Osdi.TotalPages(total, size), size, p, total, Osdi.PageLinks(request, path, p, size, total),
            new OsdiAdvocacyCampaignsEmbedded(await ToCampaignsAsync(request, campaigns, session, token))));
    }

    [WolverineGet(Osdi.Root + "/advocacy_campaigns/{id}", Name = "OsdiAdvocacyCampaign")]
    [EndpointSummary("One campaign as an OSDI advocacy campaign")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiAdvocacyCampaign))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, HttpRequest request, IQuerySession session, CancellationToken token)
    {
        var campaign = await session.LoadAsync<Campaign>(id, token);
        if (campaign is null) return Results.Problem(Problems.NotFound("Campaign", id));
        return Osdi.Hal((await ToCampaignsAsync(request, [campaign], session, token))[0]);
    }
}
