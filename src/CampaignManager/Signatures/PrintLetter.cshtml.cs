namespace CampaignManager.Signatures;

/// <summary>
/// The letter as it will be printed or saved as PDF from the browser (print stylesheet, no app chrome). In Signatures,
/// as every view of the letter with its signatory block is (see <see cref="LetterDetails"/>).
/// </summary>
public class PrintLetterModel(IQuerySession session) : PageModel
{
    public LetterDetails? Details { get; private set; }
    public DateTimeOffset Date { get; private set; }
    public LanguageInPrint.Printed Printed { get; private set; } = new(Letters.Languages.Default, null);

    /// <summary>
    /// <paramref name="unconfirmed"/>: "mark" or "omit" public signatures nobody confirmed (<see cref="UnconfirmedInPrint"/>);
    /// <paramref name="language"/>: which of the letter's texts (<see cref="LanguageInPrint"/>), the source when not given.
    /// </summary>
    public async Task<IActionResult> OnGetAsync(Guid id, string? unconfirmed, string? language)
    {
        if (!UnconfirmedInPrint.IsValid(unconfirmed)) return BadRequest();
        Details = await LetterDetails.LoadWholeAsync(session, id, HttpContext.RequestAborted);
        if (Details is null) return NotFound();
        if (LanguageInPrint.Validate(Details, language) is var problem && !problem.IsNone())
            return new ObjectResult(problem) { StatusCode = StatusCodes.Status400BadRequest, ContentTypes = { "application/problem+json" } };
        (Details, Printed) = LanguageInPrint.Apply(Details, language);
        Details = UnconfirmedInPrint.Apply(Details, unconfirmed);
        Date = Details.FinalizedAt ?? Details.LastChangedAt;
        return Page();
    }
}
