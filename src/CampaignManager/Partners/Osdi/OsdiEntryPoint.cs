using System.Text.Json.Serialization;

namespace CampaignManager.Partners.Osdi;

public record OsdiEntryPointLinks(
    [property: JsonPropertyName("self")] OsdiLink Self,
    [property: JsonPropertyName("osdi:petitions")] OsdiLink Petitions,
    [property: JsonPropertyName("osdi:advocacy_campaigns")] OsdiLink AdvocacyCampaigns);

/// <summary>The API entry point an OSDI client starts from: which collections this server has, and where.</summary>
public record OsdiEntryPoint(
    [property: JsonPropertyName("motd")] string Motd,
    [property: JsonPropertyName("vendor_name")] string VendorName,
    [property: JsonPropertyName("product_name")] string ProductName,
    [property: JsonPropertyName("osdi_version")] string OsdiVersion,
    [property: JsonPropertyName("max_pagesize")] int MaxPageSize,
    [property: JsonPropertyName("_links")] OsdiEntryPointLinks Links);

public static class OsdiEntryPointEndpoint
{
    [WolverineGet(Osdi.Root, Name = "OsdiEntryPoint")]
    [EndpointSummary("OSDI API entry point: links to the petitions (letters) and advocacy campaigns")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiEntryPoint))]
    public static IResult Get(HttpRequest request) => Osdi.Hal(new OsdiEntryPoint(
        "Letters as petitions, their signatures, and campaigns as advocacy campaigns; read-only.",
        Osdi.OriginSystem, Osdi.OriginSystem, "1.1.1", Osdi.MaxPerPage,
        new OsdiEntryPointLinks(new(Osdi.Href(request, Osdi.Root)), new(Osdi.Href(request, $"{Osdi.Root}/petitions")),
            new(Osdi.Href(request, $"{Osdi.Root}/advocacy_campaigns")))));
}
