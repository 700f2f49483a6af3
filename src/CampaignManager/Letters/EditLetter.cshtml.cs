namespace CampaignManager.Letters;

/// <summary>The revision form, prefilled with the current text; posts to /api/letters/{id}/revisions with basedOnVersion.</summary>
public class EditLetterModel(IQuerySession session) : PageModel
{
    public Letter Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var letter = await session.LoadAsync<Letter>(id, HttpContext.RequestAborted);
        if (letter is null) return NotFound();
        Letter = letter;
        return Page();
    }
}
