namespace CampaignManager.Letters;

/// <summary>The staff list of letters: the same query as GET /api/letters, filtered by status and searched.</summary>
public class LetterListPageModel(IQuerySession session, ILetterSigners signers) : PageModel
{
    public PageOf<LetterSummary> Letters { get; private set; } = new([], 0, 1, 50);
    public LetterStatus? Status { get; private set; }
    public string? Q { get; private set; }

    public async Task OnGetAsync(string? status, string? q, int? page)
    {
        Status = Enum.TryParse<LetterStatus>(status, ignoreCase: true, out var s) ? s : null;
        Q = q;
        Letters = await LetterSummary.QueryAsync(session, signers, Status, q, Math.Max(page ?? 1, 1), 50, HttpContext.RequestAborted);
    }
}
