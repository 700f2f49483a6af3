using CampaignManager.Hosting.Web;
using CampaignManager.Letters;

namespace CampaignManager.Signatures;

/// <summary>The audit trail (the same entries as GET /api/letters/{id}/history) and the letter as of a chosen moment.</summary>
public class LetterHistoryPageModel(IQuerySession session) : PageModel
{
    public Guid Id { get; private set; }
    public string Title { get; private set; } = "";
    public IReadOnlyList<LetterHistoryEntry> Entries { get; private set; } = [];
    public string? AsOfInput { get; private set; }
    public DateTimeOffset? AsOf { get; private set; }
    public LetterDetails? Then { get; private set; }
    public string? AsOfError { get; private set; }
    /// <summary>Whose signature a signature event is about (the summaries of withdrawals and approvals name no one).</summary>
    public IReadOnlyDictionary<Guid, string> Signers { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid id, string? asOf)
    {
        var timeline = await LetterTimeline.LoadAsync(session, id, HttpContext.RequestAborted);
        if (timeline.Count == 0) return NotFound();
        Id = id;
        Entries = timeline.Select(LetterHistoryEndpoint.Entry).ToList();
        Title = (await session.LoadAsync<Letter>(id, HttpContext.RequestAborted))?.Title ?? "";
        Signers = (await session.Query<Signature>().Where(x => x.LetterId == id).ToListAsync(HttpContext.RequestAborted))
            .ToDictionary(x => x.Id, x => x.Name);
        AsOfInput = asOf;
        if (string.IsNullOrWhiteSpace(asOf)) return Page();

        // the date-time input sends local wall time without an offset; the page states that times are UTC
        if (AsOfQuery.Read(asOf) is not { Moment: { } moment })
        {
            AsOfError = "Enter a date and time such as 2026-01-05T09:30.";
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        AsOf = moment;
        AsOfInput = moment.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        var (letter, signatures) = LetterTimeline.AsOf(timeline, id, moment);
        if (letter is null) AsOfError = $"The letter did not exist yet at {Format.Utc(moment)}.";
        else Then = LetterDetails.Build(letter, signatures, moment);
        return Page();
    }
}
