namespace CampaignManager.Targets;

/// <summary>
/// A target's details and list memberships, whose forms post to the API's commands; its record across appeals is
/// Appeals' section (<c>TargetAppeals</c>, invoked by name), the same read as <c>GET /api/targets/{id}</c>.
/// </summary>
public class TargetPageModel(IQuerySession session) : PageModel
{
    public TargetDetails Target { get; private set; } = null!;
    /// <summary>Every target list, split by whether this target is on it: the page adds to one and removes from another.</summary>
    public IReadOnlyList<TargetList> OnLists { get; private set; } = [];
    public IReadOnlyList<TargetList> OtherLists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await session.LoadAsync<TargetDetails>(id, HttpContext.RequestAborted) is not { } target)
            return NotFound();
        Target = target;
        var lists = await session.Query<TargetList>().OrderByName().ToListAsync(HttpContext.RequestAborted);
        OnLists = lists.Where(l => l.Members.Contains(id)).ToList();
        OtherLists = lists.Where(l => !l.Members.Contains(id)).ToList();
        return Page();
    }
}
