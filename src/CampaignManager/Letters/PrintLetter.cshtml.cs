using CampaignManager.Signatures;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CampaignManager.Letters;

/// <summary>The letter as it will be printed or saved as PDF from the browser (print stylesheet, no app chrome).</summary>
public class PrintLetterModel(IQuerySession session) : PageModel
{
    public LetterDetails? Details { get; private set; }
    public DateTimeOffset Date { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var letter = await session.LoadAsync<Letter>(id, HttpContext.RequestAborted);
        if (letter is null) return NotFound();
        var signatures = await session.Query<Signature>().Where(x => x.LetterId == id).ToListAsync(HttpContext.RequestAborted);
        Details = LetterDetails.Build(letter, signatures);
        Date = letter.FinalizedAt ?? letter.LastChangedAt;
        return Page();
    }
}
