using CampaignManager.Campaigns;
using CampaignManager.Letters;
using CampaignManager.Signatures;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace CampaignManager.Coalitions;

public class GraphOrganization
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public Guid? MergedInto { get; set; }
}

public class GraphSignature
{
    public Guid LetterId { get; set; }
    public SignatoryKind Kind { get; set; }
    public string Name { get; set; } = "";
    public string? Title { get; set; }
    public string? Affiliation { get; set; }
    public bool ForIdentificationOnly { get; set; }
    public bool Active { get; set; }
    public DateTimeOffset SignedAt { get; set; }
}

public class GraphLetter
{
    public string Title { get; set; } = "";
    public List<Guid> CampaignIds { get; set; } = [];
}

/// <summary>
/// Who signed what, which organizations exist under which names, and which letters belong to which campaigns: one
/// document folded from organization, letter, signature and campaign streams, in event order.
/// Names are resolved to organizations when the views are read, not when signatures are folded, so an alias added or
/// a merge made today re-attributes every earlier signature, and a rebuild can never resolve differently from the
/// live run. Async: sign-ons never wait on it, and a thousand at once contend for nothing.
/// Known limit: one document grows with every signature; past some tens of thousands it should be split per organization.
/// </summary>
public class CoalitionGraph
{
    public const string Key = "coalition";
    public string Id { get; set; } = Key;
    public Dictionary<Guid, GraphOrganization> Organizations { get; set; } = [];
    public Dictionary<Guid, GraphSignature> Signatures { get; set; } = [];
    public Dictionary<Guid, GraphLetter> Letters { get; set; } = [];
    public Dictionary<Guid, string> Campaigns { get; set; } = [];
}

public class CoalitionGraphProjection : MultiStreamProjection<CoalitionGraph, string>
{
    public CoalitionGraphProjection()
    {
        Identity<IOrganizationEvent>(_ => CoalitionGraph.Key);
        Identity<ILetterEvent>(_ => CoalitionGraph.Key);
        Identity<ICampaignEvent>(_ => CoalitionGraph.Key);
    }

    public void Apply(OrganizationRegistered e, CoalitionGraph g) =>
        g.Organizations[e.OrganizationId] = new GraphOrganization { Id = e.OrganizationId, Name = e.Name, Aliases = [.. e.Aliases] };

    public void Apply(OrganizationAliasAdded e, CoalitionGraph g) => g.Organizations.GetValueOrDefault(e.OrganizationId)?.Aliases.Add(e.Alias);

    public void Apply(OrganizationAbsorbed e, CoalitionGraph g) => g.Organizations.GetValueOrDefault(e.OrganizationId)?.Aliases.AddRange(e.Names);

    public void Apply(OrganizationMergedInto e, CoalitionGraph g)
    {
        if (g.Organizations.GetValueOrDefault(e.OrganizationId) is { } o) o.MergedInto = e.SurvivorId;
    }

    public void Apply(LetterDrafted e, CoalitionGraph g) => g.Letters[e.LetterId] = new GraphLetter { Title = e.Title };

    public void Apply(LetterRevised e, CoalitionGraph g)
    {
        if (g.Letters.GetValueOrDefault(e.LetterId) is { } l) l.Title = e.Title;
    }

    public void Apply(SignatureAdded e, CoalitionGraph g) => g.Signatures[e.SignatureId] = new GraphSignature
    {
        LetterId = e.LetterId, Kind = e.Kind, Name = e.Name, Title = e.Title, Affiliation = e.Affiliation,
        ForIdentificationOnly = e.AffiliationForIdentificationOnly, Active = true, SignedAt = e.At
    };

    public void Apply(SignatureWithdrawn e, CoalitionGraph g)
    {
        if (g.Signatures.GetValueOrDefault(e.SignatureId) is { } s) s.Active = false;
    }

    public void Apply(SignatureRenewed e, CoalitionGraph g)
    {
        if (g.Signatures.GetValueOrDefault(e.SignatureId) is { } s) s.Active = true;
    }

    public void Apply(CampaignLaunched e, CoalitionGraph g) => g.Campaigns[e.CampaignId] = e.Name;

    public void Apply(LetterAttachedToCampaign e, CoalitionGraph g)
    {
        if (g.Letters.GetValueOrDefault(e.LetterId) is { } l && !l.CampaignIds.Contains(e.CampaignId)) l.CampaignIds.Add(e.CampaignId);
    }

    public static void Register(StoreOptions opts) => opts.Projections.Add<CoalitionGraphProjection>(ProjectionLifecycle.Async);
}
