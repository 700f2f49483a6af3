using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampaignManager.Targets;

/// <summary>
/// A target and its record across appeals, read through <c>GET /api/targets/{id}</c>'s code; its details form and its
/// list memberships post to the API's commands.
/// </summary>
public class TargetPageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public TargetWithAppeals Target { get; private set; } = null!;
    /// <summary>Every target list, split by whether this target is on it: the page adds to one and removes from another.</summary>
    public IReadOnlyList<TargetList> OnLists { get; private set; } = [];
    public IReadOnlyList<TargetList> OtherLists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await TargetWithAppeals.LoadAsync(session, id, clock.GetUtcNow(), HttpContext.RequestAborted) is not { } target)
            return NotFound();
        Target = target;
        var lists = await session.Query<TargetList>().OrderBy(l => l.Name).ToListAsync(HttpContext.RequestAborted);
        OnLists = lists.Where(l => l.Members.Contains(id)).ToList();
        OtherLists = lists.Where(l => !l.Members.Contains(id)).ToList();
        return Page();
    }
}
