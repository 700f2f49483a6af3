using CampaignManager.Campaigns;

namespace CampaignManager.Coalitions;

public record CoalitionMember(OrganizationRef Organization, IReadOnlyList<SignedLetter> SignedAsOrganization,
    IReadOnlyList<AffiliatedSignature> ThroughAffiliatedIndividuals);

/// <summary>Every organization involved in a campaign's letters, and how: signing itself, or through its people.</summary>
public record CampaignCoalition(Guid CampaignId, IReadOnlyList<CoalitionMember> Organizations)
{
    /// <summary>What the API and the campaign page both read; null when there is no such campaign.</summary>
    public static async Task<CampaignCoalition?> LoadAsync(IQuerySession session, Guid id, CancellationToken token)
    {
        if (await session.LoadAsync<Campaign>(id, token) is not { } campaign) return null;
        var all = await Involvements.LoadForCampaignAsync(session, campaign, token);
        var members = all.All.Where(i => i.CampaignIds.Contains(id)).GroupBy(i => i.Organization.Key)
            .Select(g => new CoalitionMember(g.First().Organization,
                g.Where(i => i.How == InvolvementKind.SignedAsOrganization).Select(i => new SignedLetter(i.LetterId, i.LetterTitle, i.SignedAt)).ToList(),
                g.Where(i => i.How == InvolvementKind.AffiliationOfSigner)
                    .Select(i => new AffiliatedSignature(i.LetterId, i.LetterTitle, i.SignerName!, i.SignerTitle, i.ForIdentificationOnly, i.SignedAt)).ToList()))
            .OrderBy(m => m.Organization.Name, Collation.Names).ThenBy(m => m.Organization.Key).ToList();
        return new CampaignCoalition(id, members);
    }
}

public static class CampaignCoalitionEndpoint
{
    [WolverineGet("/api/campaigns/{id}/coalition", Name = "GetCampaignCoalition")]
    [EndpointSummary("The organizations that signed a campaign's letters")]
    [Tags("Coalitions")]
    [ProducesResponseType<CampaignCoalition>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken token) =>
        Problems.OkOrNotFound(await CampaignCoalition.LoadAsync(session, id, token), "Campaign", id);
}

/// <summary>
/// The campaign page's coalition section. The page lives in Campaigns and invokes this component by name, so it shows
/// the coalition without Campaigns depending on Coalitions (which reads campaigns to know whose letters are whose).
/// </summary>
public class CampaignCoalitionViewComponent(IQuerySession session) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid campaignId, bool live) =>
        View("/Coalitions/_CampaignCoalition.cshtml",
            new CampaignCoalitionSection(await CampaignCoalition.LoadAsync(session, campaignId, HttpContext.RequestAborted), live));
}

/// <summary>The coalition as it stands now, and whether the page around it shows now too (otherwise it says so).</summary>
public record CampaignCoalitionSection(CampaignCoalition? Coalition, bool Live);
