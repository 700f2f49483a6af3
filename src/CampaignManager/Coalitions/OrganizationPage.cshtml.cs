using CampaignManager.Organizations;

namespace CampaignManager.Coalitions;

/// <summary>An organization's profile, read through <c>GET /api/organizations/{id}</c>'s code; a merged-away id shows the survivor.</summary>
public class OrganizationPageModel(IQuerySession session) : PageModel
{
    public OrganizationProfile Profile { get; private set; } = null!;
    public IReadOnlyList<Organization> MergeCandidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var token = HttpContext.RequestAborted;
        if (await OrganizationProfile.LoadAsync(session, id, token) is not { } profile) return NotFound();
        Profile = profile;
        MergeCandidates = (await session.Query<Organization>().Where(o => o.MergedInto == null).OrderByName().ToListAsync(token))
            .Where(o => o.Id != profile.Organization.Id).ToList();
        return Page();
    }
}
