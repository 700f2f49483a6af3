namespace CampaignManager.Coalitions;

/// <summary>Two organizations and the letters both signed in their own name.</summary>
public record CoalitionPair(OrganizationRef First, OrganizationRef Second, IReadOnlyList<SignedLetter> Letters);

public static class CoalitionMatrixEndpoint
{
    /// <summary>
    /// Only signatures in the organization's own name count: an individual's affiliation (often "for identification
    /// only") is not the organization endorsing the letter. Pairs that share no letter are left out.
    /// </summary>
    public static IReadOnlyList<CoalitionPair> Build(Involvements all)
    {
        var byLetter = all.All.Where(i => i.How == InvolvementKind.SignedAsOrganization)
            .GroupBy(i => i.LetterId)
            .Select(g => g.DistinctBy(i => i.Organization.Key).OrderBy(i => i.Organization.Key, StringComparer.Ordinal).ToList());
        return byLetter
            .SelectMany(signers => signers.SelectMany((a, n) => signers.Skip(n + 1).Select(b => (a, b))))
            .GroupBy(p => (p.a.Organization.Key, BKey: p.b.Organization.Key))
            .Select(g => new CoalitionPair(g.First().a.Organization, g.First().b.Organization,
                g.Select(p => new SignedLetter(p.a.LetterId, p.a.LetterTitle, p.a.SignedAt > p.b.SignedAt ? p.a.SignedAt : p.b.SignedAt))
                    .OrderBy(l => l.SignedAt).ThenBy(l => l.LetterId).ToList()))
            .OrderByDescending(p => p.Letters.Count).ThenBy(p => p.First.Name).ThenBy(p => p.Second.Name).ToList();
    }

    [WolverineGet("/api/coalitions/matrix", Name = "GetCoalitionMatrix")]
    [EndpointSummary("How often each pair of organizations signed together")]
    [Tags("Coalitions")]
    public static async Task<IReadOnlyList<CoalitionPair>> Get(IQuerySession session, CancellationToken token) =>
        Build(await Involvements.LoadAsync(session, token, ownNameOnly: true));
}
