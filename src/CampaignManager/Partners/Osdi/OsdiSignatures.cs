using System.Text.Json.Serialization;
using CampaignManager.Letters;
using CampaignManager.Signatures;

namespace CampaignManager.Partners.Osdi;

public record OsdiEmailAddress(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("primary")] bool Primary);

/// <summary>The signer as an OSDI person; an organization has no given or family name, and is its own employer.</summary>
public record OsdiPerson(
    [property: JsonPropertyName("given_name")] string? GivenName,
    [property: JsonPropertyName("family_name")] string? FamilyName,
    [property: JsonPropertyName("employer")] string? Employer,
    [property: JsonPropertyName("email_addresses")] IReadOnlyList<OsdiEmailAddress> EmailAddresses);

public record OsdiSignatureEmbedded([property: JsonPropertyName("osdi:person")] OsdiPerson Person);

public record OsdiSignatureLinks(
    [property: JsonPropertyName("self")] OsdiLink Self,
    [property: JsonPropertyName("osdi:petition")] OsdiLink Petition);

/// <summary>
/// A signature in the block, as OSDI has it. What OSDI has no field for and a letter needs (the name as it prints, the
/// kind of signatory, the text version and language signed) is in <c>custom_fields</c>.
/// </summary>
public record OsdiSignature(
    [property: JsonPropertyName("identifiers")] string[] Identifiers,
    [property: JsonPropertyName("origin_system")] string OriginSystem,
    [property: JsonPropertyName("created_date")] DateTimeOffset CreatedDate,
    [property: JsonPropertyName("modified_date")] DateTimeOffset ModifiedDate,
    [property: JsonPropertyName("custom_fields")] IReadOnlyDictionary<string, string> CustomFields,
    [property: JsonPropertyName("_embedded")] OsdiSignatureEmbedded Embedded,
    [property: JsonPropertyName("_links")] OsdiSignatureLinks Links);

public record OsdiSignaturesEmbedded([property: JsonPropertyName("osdi:signatures")] IReadOnlyList<OsdiSignature> Signatures);

public record OsdiSignaturePage(int TotalPages, int PerPage, int Page, long TotalRecords, OsdiPageLinks Links,
    [property: JsonPropertyName("_embedded")] OsdiSignaturesEmbedded Embedded) : OsdiPage(TotalPages, PerPage, Page, TotalRecords, Links);

public static class OsdiSignaturesEndpoint
{
    public static OsdiSignature ToSignature(HttpRequest request, Signature s, string sourceLanguage)
    {
        var individual = s.Kind == SignatoryKind.Individual;
        var family = individual ? s.FamilyName ?? s.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() : null;
        var given = family is not null && s.Name.EndsWith(family, StringComparison.Ordinal) ? s.Name[..^family.Length].Trim() : null;
        var person = new OsdiPerson(given is "" ? null : given, family, individual ? s.Affiliation : s.Name,
            s.Email is null ? [] : [new OsdiEmailAddress(s.Email, true)]);
        var fields = new Dictionary<string, string>
        {
            ["signatory_kind"] = individual ? "individual" : "organization",
            ["printed_name"] = s.Name,
            ["signed_version"] = s.SignedVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["language"] = s.Language ?? sourceLanguage,
        };
        if (s.Title is { } title) fields["title"] = title;
        // the signer asked to be counted, not named: a system syncing this must not publish the name either
        if (s.NameWithheld) fields["name_withheld"] = "true";
        DateTimeOffset?[] changes = [s.ApprovedAt, s.EmailConfirmedAt, s.ReconfirmedAt];
        var modified = changes.OfType<DateTimeOffset>().Append(s.SignedAt).Max();
        return new OsdiSignature(Osdi.Identifiers(s.Id), Osdi.OriginSystem, s.SignedAt, modified, fields, new OsdiSignatureEmbedded(person),
            new OsdiSignatureLinks(new(Osdi.Href(request, $"{Osdi.Root}/petitions/{s.LetterId}/signatures/{s.Id}")),
                new(Osdi.Href(request, $"{Osdi.Root}/petitions/{s.LetterId}"))));
    }

    /// <summary>
    /// The signatures that count (in the block), in the order they came: a new signature lands on the last page, so a
    /// client that has read the full pages need only read on from there.
    /// </summary>
    [WolverineGet(Osdi.Root + "/petitions/{id}/signatures", Name = "OsdiSignatures")]
    [EndpointSummary("A letter's counted signatures as OSDI signatures, in the order they came, paged with page and per_page")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiSignaturePage))]
    [ProducesResponseType<HttpValidationProblemDetails>(StatusCodes.Status400BadRequest), ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> List(Guid id, HttpRequest request, int? page, [FromQuery(Name = "per_page")] int? perPage,
        IQuerySession session, CancellationToken token)
    {
        var errors = Osdi.PageAndPerPage(page, perPage);
        if (errors.Count > 0) return Results.Problem(Problems.Validation(errors));
        var letter = await session.LoadAsync<Letter>(id, token);
        if (letter is null) return Results.Problem(Problems.NotFound("Letter", id));
        var (p, size) = (page ?? 1, perPage ?? Osdi.DefaultPerPage);
        var counted = session.Query<Signature>().Where(x => x.LetterId == id && x.Status == SignatureStatus.Active);
        var total = await counted.CountAsync(token);
        var signatures = await counted.OrderBy(x => x.SignedAt).ThenBy(x => x.Id).Skip((p - 1) * size).Take(size).ToListAsync(token);
        var path = $"{Osdi.Root}/petitions/{id}/signatures";
        return Osdi.Hal(new OsdiSignaturePage(Osdi.TotalPages(total, size), size, p, total, Osdi.PageLinks(request, path, p, size, total),
            new OsdiSignaturesEmbedded(signatures.Select(s => ToSignature(request, s, letter.SourceLanguage)).ToList())));
    }

    [WolverineGet(Osdi.Root + "/petitions/{id}/signatures/{signatureId}", Name = "OsdiSignature")]
    [EndpointSummary("One counted signature as an OSDI signature")]
    [Tags("OSDI")]
    [Produces(Osdi.MediaType, Type = typeof(OsdiSignature))]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound)]
    public static async Task<IResult> Get(Guid id, Guid signatureId, HttpRequest request, IQuerySession session, CancellationToken token)
    {
        var letter = await session.LoadAsync<Letter>(id, token);
        var signature = await session.LoadAsync<Signature>(signatureId, token);
        if (letter is null) return Results.Problem(Problems.NotFound("Letter", id));
        if (signature is null || signature.LetterId != id || signature.Status != SignatureStatus.Active)
            return Results.Problem(Problems.NotFound("Signature", signatureId));
        return Osdi.Hal(ToSignature(request, signature, letter.SourceLanguage));
    }
}
