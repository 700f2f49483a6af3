using CampaignManager.Letters;
using CampaignManager.Targets;

namespace CampaignManager.Campaigns;

/// <summary>The outcome form: blank to record, prefilled to correct; a vote select per whip-count target.</summary>
public record OutcomeForm(Guid CampaignId, IReadOnlyList<TargetStanding> Members, OutcomeEntry? Correcting = null);

/// <summary>
/// One campaign, now or as of a past moment. Reads through the same code as <c>GET /api/campaigns/{id}</c> and
/// <c>GET /api/campaigns/{id}/coalition</c> (Coalitions' section, invoked by name); the forms post to the API's commands.
/// </summary>
public class CampaignPageModel(IQuerySession session) : PageModel
{
    public CampaignDetails Campaign { get; private set; } = null!;
    public IReadOnlyList<Letter> AttachableLetters { get; private set; } = [];
    public IReadOnlyList<TargetDetails> Targets { get; private set; } = [];
    public DateTimeOffset? AsOf { get; private set; }

    /// <summary>Showing the campaign now, not as it stood earlier: only then are the forms offered.</summary>
    public bool Live => AsOf is null;
    /// <summary>The campaign exists now but had not been launched at the "as of" moment.</summary>
    public bool NotYetLaunched { get; private set; }

    /// <summary>Why the "as of" moment asked for could not be read; the page then answers 400 and says so.</summary>
    public string? AsOfError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, [FromQuery] string? asOf)
    {
        var token = HttpContext.RequestAborted;
        var read = AsOfQuery.Read(asOf);
        if (read.Problem is not null)
        {
            if (await session.LoadAsync<Campaign>(id, token) is null) return NotFound();
            AsOfError = $"\"{asOf}\" is not a moment this page can show: the date {AsOfQuery.Hint}.";
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        AsOf = read.Moment;
        if (await CampaignDetails.LoadAsync(session, id, AsOf, token) is not { } details)
        {
            if (AsOf is null || await session.LoadAsync<Campaign>(id, token) is null) return NotFound();
            NotYetLaunched = true;
            return Page();
        }
        Campaign = details;
        var attached = details.Letters.Select(l => l.LetterId).ToHashSet();
        AttachableLetters = (await session.Query<Letter>().OrderByName("title").ToListAsync(token))
            .Where(l => !attached.Contains(l.Id)).ToList();
        Targets = await session.Query<TargetDetails>().OrderByName().ToListAsync(token);
        return Page();
    }
}
