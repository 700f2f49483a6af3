using CampaignManager.Letters;
using CampaignManager.Targets;

namespace CampaignManager.Appeals;

/// <summary>Choosing who gets a final letter: targets and lists by name; the form posts to <c>POST /api/letters/{id}/appeals</c>.</summary>
public class NewAppealModel(IQuerySession session) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public IReadOnlyList<TargetDetails> Targets { get; private set; } = [];
    public IReadOnlyList<TargetList> Lists { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var token = HttpContext.RequestAborted;
        if (await session.LoadAsync<Letter>(id, token) is not { } letter) return NotFound();
        Letter = letter;
        Targets = await session.Query<TargetDetails>().OrderByName().ToListAsync(token);
        Lists = await session.Query<TargetList>().OrderByName().ToListAsync(token);
        return Page();
    }
}
