using CampaignManager.Appeals;
using CampaignManager.Letters;

namespace CampaignManager.Campaigns;

public record DashboardLetter(Guid Id, string Title, LetterStatus Status);

/// <summary>One campaign's line on the dashboard: its letters, how far its appeals got, its whip count and outcome.</summary>
public record DashboardRow(Campaign Campaign, IReadOnlyList<DashboardLetter> Letters, int AppealsDelivered, int AppealsTotal,
    IReadOnlyList<PositionCount> Whip);

/// <summary>The staff home page: every campaign at a glance.</summary>
public class DashboardModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<DashboardRow> Rows { get; private set; } = [];
    public IReadOnlyList<OpenFollowUp> FollowUps { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var token = HttpContext.RequestAborted;
        var campaigns = await session.Query<Campaign>().OrderByDescending(x => x.LaunchedAt).ToListAsync(token);
        var letterIds = campaigns.SelectMany(c => c.Letters.Select(l => l.LetterId)).Distinct().ToArray();
        var letters = (await session.LoadManyAsync<Letter>(token, letterIds)).ToDictionary(l => l.Id);
        var appeals = await session.Query<Appeal>().Where(a => letterIds.Contains(a.LetterId)).ToListAsync(token);
        var appealIds = appeals.Select(a => a.Id).ToArray();
        var recipients = (await session.Query<AppealRecipient>().Where(r => appealIds.Contains(r.AppealId)).ToListAsync(token))
            .ToLookup(r => r.LetterId);
        var noNames = new Dictionary<Guid, string>();
        FollowUps = await CampaignManager.Appeals.FollowUps.OpenAsync(session, token);

        Rows = campaigns.Select(c =>
        {
            var mine = c.Letters.Select(l => l.LetterId).ToList();
            var reached = mine.SelectMany(id => recipients[id]).ToList();
            return new DashboardRow(c,
                mine.Where(letters.ContainsKey).Select(id => new DashboardLetter(id, letters[id].Title, letters[id].Status)).ToList(),
                reached.Count(r => r.Status.Delivered()), reached.Count, WhipCount.From(c.Positions, noNames).Counts);
        }).ToList();
    }
}
