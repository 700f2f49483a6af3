using System.Text.Json.Serialization;
using CampaignManager.Letters;

namespace CampaignManager.Partners.Osdi;

public record OsdiTarget(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("organization")] string? Organization);

public record OsdiPetitionLinks(
    [property: JsonPropertyName("self")] OsdiLink Self,
    [property: JsonPropertyName("osdi:signatures")] OsdiLink Signatures);

/// <summary>A letter as an OSDI petition: its current text is the petition text, its addressees the targets.</summary>
public record OsdiPetition(
    [property: JsonPropertyName("identifiers")] string[] Identifiers,
    [property: JsonPropertyName("origin_system")] string OriginSystem,
    [property: JsonPropertyName("created_date")] DateTimeOffset CreatedDate,
    [property: JsonPropertyName("modified_date")] DateTimeOffset ModifiedDate,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("petition_text")] string PetitionText,
    [property: JsonPropertyName("target")] IReadOnlyList<OsdiTarget> Target,
    [property: JsonPropertyName("total_signatures")] int TotalSignatures,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("_links")] OsdiPetitionLinks Links);

public record OsdiPetitionsEmbedded([property: JsonPropertyName("osdi:petitions")] IReadOnlyList<OsdiPetition> Petitions);

public record OsdiPetitionPage(int TotalPages, int PerPage, int Page, long TotalRecords, OsdiPageLinks Links,
    [property: JsonPropertyName("_embedded")] OsdiPetitionsEmbedded Embedded) : OsdiPage(TotalPages, PerPage, Page, TotalRecords, Links);

public static class OsdiPetitionsEndpoint
{
    public static OsdiPetition ToPetition(HttpRequest request, Letter l, int signatures)
    {
        var text = l.Current;
        var self = $"{Osdi.Root}/petitions/{l.Id}";
        return new OsdiPetition(Osdi.Identifiers(l.Id), Osdi.OriginSystem, l.DraftedAt, l.LastChangedAt, text.Title, text.Subject,
            text.Body, text.Addressees.Select(a => new OsdiTarget(a.Name, a.Title, a.Organization)).ToList(), signatures,
            l.Status.ToString().ToLowerInvariant(),
            new OsdiPetitionLinks(new(Osdi.Href(request, self)), new(Osdi.Href(request, self + "/signatures"))));
    }

    /// <summary>Oldest first, so a page, once full, keeps its letters while new ones are drafted.</summary>
    [WolverineGet(Osdi.Root + "/petitions", Name = "OsdiPetitions")]
    [EndpointSummary("Letters as OSDI petitions, oldest first, paged with page and per_page")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiPetitionPage))]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public static async Task<IResult> List(HttpRequest request, int? page, [FromQuery(Name = "per_page")] int? perPage,
        IQuerySession session, ILetterSigners signers, CancellationToken token)
    {
        var errors = Osdi.PageAndPerPage(page, perPage);
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        var (p, size) = (page ?? 1, perPage ?? Osdi.DefaultPerPage);
        var total = await session.Query<Letter>().CountAsync(token);
        var letters = await session.Query<Letter>().OrderBy(x => x.DraftedAt).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).ToListAsync(token);
        var signed = await signers.SignatoriesAsync(session, letters.Select(x => x.Id).ToArray(), token);
        var path = Osdi.Root + "/petitions";
        return Osdi.Hal(new OsdiPetitionPage(Osdi.TotalPages(total, size), size, p, total, Osdi.PageLinks(request, path, p, size, total),
            new OsdiPetitionsEmbedded(letters.Select(l => ToPetition(request, l, signed.GetValueOrDefault(l.Id))).ToList())));
    }

    [WolverineGet(Osdi.Root + "/petitions/{id}", Name = "OsdiPetition")]
    [EndpointSummary("One letter as an OSDI petition")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiPetition))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, HttpRequest request, IQuerySession session, ILetterSigners signers, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return Results.Problem(Problems.NotFound("Letter", id));
        var signed = await signers.SignatoriesAsync(session, [id], token);
        return Osdi.Hal(ToPetition(request, letter, signed.GetValueOrDefault(id)));
    }
}
