using CampaignManager.Hosting;
using CampaignManager.Letters;
using CampaignManager.Outcomes;
using CampaignManager.Targets;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace CampaignManager.Campaigns;

public record CampaignLetter(Guid LetterId, string Title, LetterStatus Status, string AttachedBy, DateTimeOffset AttachedAt);

public record CampaignTimelineEntry(long Sequence, Guid StreamId, string Event, string Summary, string By, DateTimeOffset At);

/// <summary>
/// The campaign as staff see it, now or "as of" a past moment: its letters, whip count, outcomes (corrected values
/// with their history) and a timeline of everything that happened in it, including its letters' drafting and sign-ons.
/// </summary>
public record CampaignDetails(
    Guid Id, string Name, string Goal, string Venue, DateOnly? DecisionDate, CampaignStatus Status, string? StatusReason,
    DateTimeOffset LaunchedAt, string LaunchedBy, IReadOnlyList<CampaignLetter> Letters, WhipCount WhipCount,
    IReadOnlyList<OutcomeEntry> Outcomes, IReadOnlyList<CampaignTimelineEntry> Timeline, DateTimeOffset? AsOf);

public static class CampaignDetailsEndpoint
{
    [WolverineGet("/api/campaigns/{id}", Name = "GetCampaign")]
    [Tags("Campaigns")]
    [EndpointSummary("A campaign: letters, whip count, outcomes and timeline (?asOf= for a past date)")]
    [ProducesResponseType<CampaignDetails>(200), ProducesResponseType<ProblemDetails>(400), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, string? asOf, IQuerySession session, CancellationToken token)
    {
        var read = AsOfQuery.Read(asOf);
        return read.Problem is { } unreadable ? Results.Problem(unreadable) : await ReadAsync(id, read.Moment, session, token);
    }

    /// <summary>
    /// The campaign now, or as it stood at <paramref name="asOf"/>: every event that had happened by then (a position
    /// or an outcome by its own date, see <see cref="Happened"/>), folded in the order it was recorded. Not named
    /// LoadAsync: Wolverine would run that as the endpoint's loading middleware.
    /// </summary>
    public static async Task<IResult> ReadAsync(Guid id, DateTimeOffset? asOf, IQuerySession session, CancellationToken token)
    {
        var own = await session.Events.FetchStreamAsync(id, token: token);
        var until = asOf ?? DateTimeOffset.MaxValue;
        var campaign = Campaign.Fold(own.Where(e => Happened.By(e.Data, At(e.Data), until)).Select(e => e.Data));
        if (campaign is null) return Results.Problem(Problems.NotFound("Campaign", asOf is null ? id : $"{id} as of {asOf:O}"));

        var timeline = new List<IEvent>(own);
        var letters = new List<CampaignLetter>();
        foreach (var attached in campaign.Letters)
        {
            var letterEvents = await LetterTimeline.LoadAsync(session, attached.LetterId, token);
            timeline.AddRange(letterEvents);
            var (letter, _) = LetterTimeline.AsOf(letterEvents, attached.LetterId, until);
            if (letter is not null)
                letters.Add(new CampaignLetter(letter.Id, letter.Title, letter.Status, attached.By, attached.At));
        }

        var targetIds = campaign.Positions.Select(p => p.TargetId).Distinct().ToArray();
        var targets = await session.LoadManyAsync<TargetDetails>(token, targetIds);
        var names = targets.ToDictionary(t => t.Id, t => t.Name);

        // listed in the order things were recorded, as always; "as of" leaves out what had not happened yet
        var entries = timeline.Select(e => (Entry: Entry(e), e.Data)).Where(e => Happened.By(e.Data, e.Entry.At, until))
            .Select(e => e.Entry).OrderBy(e => e.At).ThenBy(e => e.Sequence).ToList();
        return Results.Ok(new CampaignDetails(campaign.Id, campaign.Name, campaign.Goal, campaign.Venue, campaign.DecisionDate,
            campaign.Status, campaign.StatusReason, campaign.LaunchedAt, campaign.LaunchedBy, letters,
            WhipCount.From(campaign.Positions, names, campaign.Explanations), campaign.Outcomes, entries, asOf));
    }

    private static CampaignTimelineEntry Entry(IEvent e) => e.Data switch
    {
        ICampaignEvent c => new(e.Sequence, e.StreamId, e.Data.GetType().Name, Summarize(c), c.By, c.At),
        IOutcomeEvent o => new(e.Sequence, e.StreamId, e.Data.GetType().Name, Summarize(o), o.By, o.At),
        ILetterEvent l => new(e.Sequence, e.StreamId, e.Data.GetType().Name, LetterHistoryEndpoint.Summarize(l), l.By, l.At),
        _ => new(e.Sequence, e.StreamId, e.Data.GetType().Name, e.Data.GetType().Name, "", e.Timestamp)
    };

    public static string Summarize(ICampaignEvent e) => e switch
    {
        CampaignLaunched l => $"Launched \"{l.Name}\" at {l.Venue}",
        LetterAttachedToCampaign a => $"Letter {a.LetterId} attached",
        TargetPositionRecorded p => $"Target {p.TargetId}: {p.Position} as of {p.Date:yyyy-MM-dd}" + (p.Source is null ? "" : $" ({p.Source})"),
        VoteExplained x => $"Target {x.TargetId} explained its vote: {x.Summary}",
        _ => e.GetType().Name
    };

    public static string Summarize(IOutcomeEvent e) => e switch
    {
        OutcomeRecorded r => $"Outcome recorded: {r.Facts.Kind} by {r.Facts.Body} on {r.Facts.Date:yyyy-MM-dd}; campaign {r.Facts.Status}",
        OutcomeCorrected c => $"Outcome corrected: {c.Note}",
        _ => e.GetType().Name
    };

    /// <summary>When an event of the campaign's stream was recorded: its own events and the outcomes appended to it.</summary>
    private static DateTimeOffset At(object e) => e switch
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
