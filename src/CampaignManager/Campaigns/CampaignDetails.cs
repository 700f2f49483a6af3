using CampaignManager.Letters;
using CampaignManager.Outcomes;
using CampaignManager.Signatures;
using CampaignManager.Targets;

namespace CampaignManager.Campaigns;

public record CampaignLetter(Guid LetterId, string Title, LetterStatus Status, string AttachedBy, DateTimeOffset AttachedAt);

public record CampaignTimelineEntry(long Sequence, Guid StreamId, string Event, string Summary, string By, DateTimeOffset At);

/// <summary>
/// The campaign as staff see it, now or "as of" a past moment: its letters, whip count, outcomes (corrected values
/// with their history), the outcomes retracted (with why), and a timeline of everything that happened in it,
/// including its letters' drafting and sign-ons.
/// </summary>
public record CampaignDetails(
    Guid Id, string Name, string Goal, string Venue, DateOnly? DecisionDate, CampaignStatus Status, string? StatusReason,
    DateTimeOffset LaunchedAt, string LaunchedBy, IReadOnlyList<CampaignLetter> Letters, WhipCount WhipCount,
    IReadOnlyList<OutcomeEntry> Outcomes, IReadOnlyList<CampaignTimelineEntry> Timeline, DateTimeOffset? AsOf,
    IReadOnlyList<OutcomeEntry> RetractedOutcomes)
{
    /// <summary>
    /// The campaign now from its inline snapshot and its letters' documents, with the timeline in one query over the
    /// campaign's, its letters' and their signatures' streams; only <paramref name="asOf"/> folds raw events.
    /// Null when there is no such campaign (or it had not been launched by then).
    /// </summary>
    public static async Task<CampaignDetails?> LoadAsync(IQuerySession session, Guid id, DateTimeOffset? asOf, CancellationToken token)
    {
        if (asOf is { } until) return await AsOfAsync(session, id, until, token);
        if (await session.LoadAsync<Campaign>(id, token) is not { } campaign) return null;
        var letterIds = campaign.Letters.Select(l => l.LetterId).ToArray();
        var documents = (await session.LoadManyAsync<Letter>(token, letterIds)).ToDictionary(l => l.Id);
        var letters = campaign.Letters.Where(a => documents.ContainsKey(a.LetterId))
            .Select(a => new CampaignLetter(a.LetterId, documents[a.LetterId].Title, documents[a.LetterId].Status, a.By, a.At))
            .ToList();
        var timeline = await LetterTimeline.LoadManyAsync(session, letterIds, [id], token);
        return await BuildAsync(session, campaign, letters, timeline, null, null, token);
    }

    /// <summary>The campaign and its letters folded from their events up to <paramref name="asOf"/>, by each event's own time.</summary>
    private static async Task<CampaignDetails?> AsOfAsync(IQuerySession session, Guid id, DateTimeOffset asOf, CancellationToken token)
    {
        var own = await session.Events.FetchStreamAsync(id, token: token);
        // by when each fact happened (a position or an outcome by its own date, see CampaignAsOf), folded in recorded order
        var happened = new CampaignAsOf(own);
        var campaign = Campaign.Fold(own.Where(e => happened.By(e.Data, CampaignDetailsEndpoint.At(e.Data), asOf)).Select(e => e.Data));
        if (campaign is null) return null;

        var timeline = new List<IEvent>(own);
        var letters = new List<CampaignLetter>();
        foreach (var attached in campaign.Letters)
        {
            var letterEvents = await LetterTimeline.LoadAsync(session, attached.LetterId, token);
            timeline.AddRange(letterEvents);
            var (letter, _) = LetterTimeline.AsOf(letterEvents, attached.LetterId, asOf);
            if (letter is not null)
                letters.Add(new CampaignLetter(letter.Id, letter.Title, letter.Status, attached.By, attached.At));
        }
        return await BuildAsync(session, campaign, letters, timeline, asOf, happened, token);
    }

    private static async Task<CampaignDetails> BuildAsync(IQuerySession session, Campaign campaign, IReadOnlyList<CampaignLetter> letters,
        IReadOnlyList<IEvent> timeline, DateTimeOffset? asOf, CampaignAsOf? happened, CancellationToken token)
    {
        // a retracted outcome's votes left the whip count but not the timeline, which still names their members
        var targetIds = campaign.Positions.Select(p => p.TargetId)
            .Concat(campaign.RetractedOutcomes.SelectMany(o => o.History).SelectMany(r => r.Facts.Votes?.Keys ?? []))
            .Distinct().ToArray();
        var targets = (await session.LoadManyAsync<TargetDetails>(token, targetIds)).ToDictionary(t => t.Id, t => t.Name);
        var names = new CampaignTimeline.Names(targets, letters.ToDictionary(l => l.LetterId, l => l.Title));
        var until = asOf ?? DateTimeOffset.MaxValue;
        // listed in the order things were recorded; "as of" leaves out what had not happened yet
        var entries = timeline.Select(e => (Entry: CampaignTimeline.Entry(e, names), e.Data))
            .Where(x => happened is null || happened.By(x.Data, x.Entry.At, until)).Select(x => x.Entry)
            .OrderBy(e => e.At).ThenBy(e => e.Sequence).ToList();
        return new CampaignDetails(campaign.Id, campaign.Name, campaign.Goal, campaign.Venue, campaign.DecisionDate,
            campaign.Status, campaign.StatusReason, campaign.LaunchedAt, campaign.LaunchedBy, letters,
            WhipCount.From(campaign.Positions, targets, campaign.Explanations), campaign.Outcomes, entries, asOf,
            campaign.RetractedOutcomes);
    }
}

public static class CampaignDetailsEndpoint
{
    [WolverineGet("/api/campaigns/{id}", Name = "GetCampaign")]
    [Tags("Campaigns")]
    [EndpointSummary("A campaign: letters, whip count, outcomes and timeline (?asOf= for a past date)")]
    [ProducesResponseType<CampaignDetails>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, CancellationToken token)
    {
        var read = AsOfQuery.Read(asOf);
        if (read.Problem is { } unreadable) return Results.Problem(unreadable);
        return Problems.OkOrNotFound(await CampaignDetails.LoadAsync(session, id, read.Moment, token), "Campaign",
            read.Moment is null ? id : $"{id} as of {read.Moment:O}");
    }

    /// <summary>When an event of the campaign's stream was recorded: its own events and the outcomes appended to it.</summary>
    internal static DateTimeOffset At(object e) => e switch
    {
        ICampaignEvent c => c.At,
        IOutcomeEvent o => o.At,
        _ => DateTimeOffset.MinValue
    };
}

public record CampaignSummary(Guid Id, string Name, string Venue, DateOnly? DecisionDate, CampaignStatus Status,
    int Letters, int Outcomes, DateTimeOffset LaunchedAt, DateTimeOffset LastChangedAt);

public static class ListCampaignsEndpoint
{
    [WolverineGet("/api/campaigns", Name = "ListCampaigns")]
    [Tags("Campaigns")]
    [EndpointSummary("List campaigns, newest first")]
    public static async Task<IReadOnlyList<CampaignSummary>> List(IQuerySession session, CancellationToken token) =>
        (await session.Query<Campaign>().OrderByDescending(x => x.LaunchedAt).ToListAsync(token))
        .Select(c => new CampaignSummary(c.Id, c.Name, c.Venue, c.DecisionDate, c.Status, c.Letters.Count, c.Outcomes.Count,
            c.LaunchedAt, c.LastChangedAt)).ToList();
}
