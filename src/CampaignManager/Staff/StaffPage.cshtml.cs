namespace CampaignManager.Staff;

/// <summary>Accounts and API tokens for admins; every form posts to the same /api/staff commands scripts use.</summary>
[Authorize(Policy = StaffAccess.Admin)]
public class StaffPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<StaffAccountView> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken token) => Accounts = await StaffQueries.Get(session, token);
}
