using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampaignManager.Targets;

/// <summary>A target and its record across appeals, read through <c>GET /api/targets/{id}</c>'s code.</summary>
public class TargetPageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public TargetWithAppeals Target { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await GetTargetEndpoint.Get(id, session, clock, HttpContext.RequestAborted) is not Ok<TargetWithAppeals> { Value: { } target })
            return NotFound();
        Target = target;
        return Page();
    }
}
