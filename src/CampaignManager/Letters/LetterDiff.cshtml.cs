namespace CampaignManager.Letters;

/// <summary>Two text versions side by side, line by line (title, subject and addressees included).</summary>
public class LetterDiffModel(IQuerySession session) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public LetterText? From { get; private set; }
    public LetterText? To { get; private set; }
    public DiffTable? Diff { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, int? from, int? to)
    {
        var letter = await session.LoadAsync<Letter>(id, HttpContext.RequestAborted);
        if (letter is null) return NotFound();
        Letter = letter;
        var (f, t) = (from ?? Math.Max(letter.TextVersion - 1, 1), to ?? letter.TextVersion);
        From = letter.Texts.FirstOrDefault(x => x.Version == f);
        To = letter.Texts.FirstOrDefault(x => x.Version == t);
        if (From is null || To is null)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Diff = DiffTable.Between(From, To);
        return Page();
    }
}
