using CampaignManager.Campaigns;
using CampaignManager.Letters;
using Marten.Events.Projections;

namespace CampaignManager.Coalitions;

/// <summary>
/// What the coalition views show of a letter: its current title and the campaigns it belongs to. Kept apart from
/// <see cref="Letter"/> so a view naming a hundred letters does not load a hundred letters' every revision.
/// </summary>
public class CoalitionLetter
{
    public Guid Id { get; set; }
    /// <summary>An attachment seen before the draft (never in practice) is ignored, as the single graph did.</summary>
    public bool Drafted { get; set; }
    public string Title { get; set; } = "";
    public List<Guid> CampaignIds { get; set; } = [];
}

public class CoalitionLetterProjection : MultiStreamProjection<CoalitionLetter, Guid>
{
    public CoalitionLetterProjection()
    {
        Identity<LetterDrafted>(e => e.LetterId);
        Identity<LetterRevised>(e => e.LetterId);
        Identity<LetterAttachedToCampaign>(e => e.LetterId);
    }

    public void Apply(LetterDrafted e, CoalitionLetter l)
    {
        l.Id = e.LetterId;
        l.Drafted = true;
        l.Title = e.Title;
        l.CampaignIds = [];
    }

    public void Apply(LetterRevised e, CoalitionLetter l)
    {
        if (l.Drafted) l.Title = e.Title;
    }

    public void Apply(LetterAttachedToCampaign e, CoalitionLetter l)
    {
        if (l.Drafted && !l.CampaignIds.Contains(e.CampaignId)) l.CampaignIds.Add(e.CampaignId);
    }

    public static void Register(StoreOptions opts)
    {
        opts.Projections.Add<CoalitionLetterProjection>(ProjectionLifecycle.Async);
    }
}
