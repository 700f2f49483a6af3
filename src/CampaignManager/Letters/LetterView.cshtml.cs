using CampaignManager.Signatures;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampaignManager.Letters;

/// <summary>
/// The staff view of one letter: text, lifecycle, versions and signatures. Read-only on the server; every button
/// is posted by letters.js to the same API command a script would call.
/// </summary>
public class LetterViewModel(IQuerySession session) : PageModel
{
    public Letter Letter { get; private set; } = null!;
    public LetterDetails Details { get; private set; } = null!;

    public bool CanOpen => Letter.Status is LetterStatus.Draft or LetterStatus.Closed;
    public bool CanClose => Letter.Status == LetterStatus.Open;
    public bool CanFinalize => Letter.Status == LetterStatus.Closed;
    public bool CanEdit => Letter.Status != LetterStatus.Final;
    public bool CanSign => Letter.Status == LetterStatus.Open;
    public bool BlockCanChange => Letter.Status != LetterStatus.Final;
    public bool CanReconfirm => Letter.Status is LetterStatus.Open or LetterStatus.Closed;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var letter = await session.LoadAsync<Letter>(id, HttpContext.RequestAborted);
        if (letter is null) return NotFound();
        var signatures = await session.Query<Signature>().Where(x => x.LetterId == id).ToListAsync(HttpContext.RequestAborted);
        (Letter, Details) = (letter, LetterDetails.Build(letter, signatures));
        return Page();
    }

    public string? PublicSignOnLink => Details.PublicSignOnUrl is { } path ? $"{Request.Scheme}://{Request.Host}{path}" : null;
}
