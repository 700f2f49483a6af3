using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampaignManager.Targets;

/// <summary>A target and its record across appeals, read through <c>GET /api/targets/{id}</c>'s code.</summary>
public class TargetPageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public TargetWithAppeals Target { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await TargetWithAppeals.LoadAsync(session, id, clock.GetUtcNow(), HttpContext.RequestAborted) is not { } target)
            return NotFound();
        Target = target;
        return Page();
    }
}
