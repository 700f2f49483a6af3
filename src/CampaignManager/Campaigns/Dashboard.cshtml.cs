using Marten;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampaignManager.Campaigns;

/// <summary>The staff home page: every campaign at a glance. (A first cut: the full dashboard is issue #6's work.)</summary>
public class DashboardModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public async Task OnGetAsync() =>
        Campaigns = await session.Query<Campaign>().OrderByDescending(x => x.LaunchedAt).ToListAsync(HttpContext.RequestAborted);
}
