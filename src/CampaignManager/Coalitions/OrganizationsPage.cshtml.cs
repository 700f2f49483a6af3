namespace CampaignManager.Coalitions;

/// <summary>Every organization involved in letters, registered or only named in signatures, with its counts.</summary>
public class OrganizationsPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<OrganizationSummary> Organizations { get; private set; } = [];

    public async Task OnGetAsync() => Organizations = await OrganizationSummary.ListAsync(session, HttpContext.RequestAborted);
}
