namespace CampaignManager.Targets;

/// <summary>
/// The target registry (filtered through <c>GET /api/targets</c>'s own query) and the target lists with their members;
/// new targets, new lists and CSV imports post to the API.
/// </summary>
public class TargetsPageModel(IQuerySession session) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Country { get; set; }
    [BindProperty(Name = "page", SupportsGet = true)] public int PageNumber { get; set; } = 1;

    public PageOf<TargetDetails> Found { get; private set; } = new([], 0, 1, Paging.MaxPageSize);
    public IReadOnlyList<TargetListDetails> Lists { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        PageNumber = Math.Max(1, PageNumber);
        Found = await TargetDetails.FindAsync(session, Tag, Country, Q, PageNumber, Paging.MaxPageSize, token);
        var lists = await session.Query<TargetList>().OrderByName().ToListAsync(token);
        var members = (await session.LoadManyAsync<TargetDetails>(token, lists.SelectMany(l => l.Members).Distinct().ToArray()))
            .ToDictionary(t => t.Id);
        Lists = lists.Select(l => new TargetListDetails(l.Id, l.Name, l.Description,
            l.Members.Where(members.ContainsKey).Select(m => members[m])
                .Select(t => new TargetListMember(t.Id, t.Name, t.Title, t.Organization, t.Email, t.Country)).ToList(),
            l.CreatedAt, l.CreatedBy, l.LastChangedAt)).ToList();
    }
}
