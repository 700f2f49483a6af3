namespace CampaignManager.Appeals;

/// <summary>An appeal's follow-up: read through the same code as <c>GET /api/appeals/{id}</c>, which staff.js polls.</summary>
public class AppealPageModel(IQuerySession session, TimeProvider clock) : PageModel
{
    public AppealDetails Appeal { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await AppealDetails.LoadAsync(session, id, clock.GetUtcNow(), HttpContext.RequestAborted) is not { } appeal)
            return NotFound();
        Appeal = appeal;
        return Page();
    }
}
