using System.Text.Json.Serialization;

namespace CampaignManager.Partners.Osdi;

public record OsdiLink([property: JsonPropertyName("href")] string Href);

/// <summary>What every OSDI collection page carries beside its items, in OSDI's own names.</summary>
public abstract record OsdiPage(
    [property: JsonPropertyName("total_pages")] int TotalPages,
    [property: JsonPropertyName("per_page")] int PerPage,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("total_records")] long TotalRecords,
    [property: JsonPropertyName("_links")] OsdiPageLinks Links);

public record OsdiPageLinks(
    [property: JsonPropertyName("self")] OsdiLink Self,
    [property: JsonPropertyName("next")] OsdiLink? Next,
    [property: JsonPropertyName("previous")] OsdiLink? Previous);

/// <summary>
/// The Open Supporter Data Interface (OSDI 1.x) names and paging, where our resources map onto its own: a letter is an
/// OSDI petition, a signature a signature, a campaign an advocacy campaign. An OSDI client (Action Network's, a CRM's
/// sync) reads them with the API token it already sends, as <c>OSDI-API-Token</c> or as a bearer token. Read-only:
/// signing goes through our own endpoints, which know about versions and verification.
/// </summary>
public static class Osdi
{
    public const string Root = "/api/osdi/v1";
    public const string MediaType = "application/hal+json";
    public const string OriginSystem = "CampaignManager";
    public const string TokenHeader = "OSDI-API-Token";
    public const int MaxPerPage = 100;
    public const int DefaultPerPage = 25;

    /// <summary>OSDI identifiers are "system:id"; ours name the system so a client can keep several apart.</summary>
    public static string[] Identifiers(Guid id) => [$"campaignmanager:{id}"];

    public static FieldErrors PageAndPerPage(int? page, int? perPage) => new FieldErrors()
        .When(page < 1, "page", "must be 1 or more")
        .When(perPage is < 1 or > MaxPerPage, "per_page", $"must be between 1 and {MaxPerPage}");

    public static string Href(HttpRequest request, string path) => $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public static OsdiPageLinks PageLinks(HttpRequest request, string path, int page, int perPage, long total)
    {
        var pages = TotalPages(total, perPage);
        OsdiLink At(int p) => new(Href(request, $"{path}?page={p}&per_page={perPage}"));
        return new OsdiPageLinks(At(page), page < pages ? At(page + 1) : null, page > 1 ? At(Math.Min(page - 1, Math.Max(pages, 1))) : null);
    }

    public static int TotalPages(long total, int perPage) => (int)((total + perPage - 1) / perPage);

    /// <summary>HAL JSON, as OSDI clients expect, with the same serializer options as the rest of the API.</summary>
    public static IResult Hal<T>(T body) => Results.Json(body, contentType: MediaType);
}
