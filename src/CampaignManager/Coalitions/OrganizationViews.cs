using CampaignManager.Organizations;

namespace CampaignManager.Coalitions;

public record SignedLetter(Guid LetterId, string Title, DateTimeOffset SignedAt);

public record AffiliatedSignature(Guid LetterId, string Title, string SignerName, string? SignerTitle, bool ForIdentificationOnly,
    DateTimeOffset SignedAt);

public record CampaignRef(Guid Id, string Name);

public record OrganizationSummary(OrganizationRef Organization, IReadOnlyList<string> Aliases, int LettersSignedAsOrganization,
    int AffiliatedSignatures, DateTimeOffset? FirstSignedAt, DateTimeOffset? LastSignedAt)
{
    /// <summary>Registered organizations and those only named in signatures; what the API and the organizations page read.</summary>
    public static async Task<IReadOnlyList<OrganizationSummary>> ListAsync(IQuerySession session, CancellationToken token)
    {
        var all = await Involvements.LoadAsync(session, token);
        var registered = all.Registered.Select(o => (Ref: Involvements.Ref(o), Aliases: (IReadOnlyList<string>)o.Aliases));
        var unregistered = all.All.Where(i => !i.Organization.Registered).GroupBy(i => i.Organization.Key)
            .Select(g => (Ref: g.First().Organization, Aliases: (IReadOnlyList<string>)[]));
        return registered.Concat(unregistered).Select(o =>
        {
            var mine = all.All.Where(i => i.Organization.Key == o.Ref.Key).ToList();
            return new OrganizationSummary(o.Ref, o.Aliases, mine.Count(i => i.How == InvolvementKind.SignedAsOrganization),
                mine.Count(i => i.How == InvolvementKind.AffiliationOfSigner),
                mine.Count > 0 ? mine.Min(i => i.SignedAt) : null, mine.Count > 0 ? mine.Max(i => i.SignedAt) : null);
        }).OrderBy(s => s.Organization.Name, Collation.Names).ThenBy(s => s.Organization.Key).ToList();
    }
}

/// <summary>An organization's record: letters it signed itself, and those its people signed naming it as affiliation.</summary>
public record OrganizationProfile(OrganizationRef Organization, IReadOnlyList<string> Aliases, IReadOnlyList<Guid> MergedFrom,
    IReadOnlyList<SignedLetter> SignedAsOrganization, IReadOnlyList<AffiliatedSignature> ThroughAffiliatedIndividuals,
    IReadOnlyList<CampaignRef> Campaigns, DateTimeOffset? FirstSignedAt, DateTimeOffset? LastSignedAt)
{
    /// <summary>What the API and the organization page read; a merged-away id loads the survivor, an unknown one null.</summary>
    public static async Task<OrganizationProfile?> LoadAsync(IQuerySession session, Guid id, CancellationToken token)
    {
        if (await Involvements.LoadForOrganizationAsync(session, id, token) is not { } found) return null;
        var (all, o) = found;
        var mergedFrom = await session.Query<Organization>().Where(x => x.MergedInto == o.Id).Select(x => x.Id).ToListAsync(token);
        return Build(all, Involvements.Ref(o), o.Aliases, mergedFrom.Order().ToList());
    }

    public static OrganizationProfile Build(Involvements all, OrganizationRef org, IReadOnlyList<string> aliases, IReadOnlyList<Guid> mergedFrom)
    {
        var mine = all.All.Where(i => i.Organization.Key == org.Key).ToList();
        return new OrganizationProfile(org, aliases, mergedFrom,
            mine.Where(i => i.How == InvolvementKind.SignedAsOrganization).Select(i => new SignedLetter(i.LetterId, i.LetterTitle, i.SignedAt)).ToList(),
            mine.Where(i => i.How == InvolvementKind.AffiliationOfSigner)
                .Select(i => new AffiliatedSignature(i.LetterId, i.LetterTitle, i.SignerName!, i.SignerTitle, i.ForIdentificationOnly, i.SignedAt)).ToList(),
            mine.SelectMany(i => i.CampaignIds).Distinct().Select(c => new CampaignRef(c, all.CampaignName(c))).OrderBy(c => c.Name, Collation.Names).ToList(),
            mine.Count > 0 ? mine.Min(i => i.SignedAt) : null, mine.Count > 0 ? mine.Max(i => i.SignedAt) : null);
    }
}

public static class OrganizationViewsEndpoint
{
    [WolverineGet("/api/organizations", Name = "ListOrganizations")]
    [EndpointSummary("Every registered organization")]
    [Tags("Organizations")]
    public static Task<IReadOnlyList<OrganizationSummary>> List(IQuerySession session, CancellationToken token) =>
        OrganizationSummary.ListAsync(session, token);

    /// <summary>A merged-away id answers with the survivor's profile: links to the duplicate keep working.</summary>
    [WolverineGet("/api/organizations/{id}", Name = "GetOrganization")]
    [EndpointSummary("An organization with its aliases and signatures")]
    [Tags("Organizations")]
    [ProducesResponseType<OrganizationProfile>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token) =>
        Problems.OkOrNotFound(await OrganizationProfile.LoadAsync(session, id, token), "Organization", id);
}
