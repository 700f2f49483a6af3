using CampaignManager.Signatures;
using Marten;

namespace CampaignManager.Coalitions;

/// <summary>
/// An organization as the views name it. Registered ones have an id; a name nobody has registered yet is still shown,
/// keyed by its normalized form, so staff see it and can register it (which then claims all its signatures).
/// </summary>
public record OrganizationRef(Guid? Id, string Key, string Name, bool Registered);

public enum InvolvementKind { SignedAsOrganization, AffiliationOfSigner }

/// <summary>One active signature seen from the organization it involves, labelled by how it involves it.</summary>
public record Involvement(OrganizationRef Organization, InvolvementKind How, Guid LetterId, string LetterTitle,
    IReadOnlyList<Guid> CampaignIds, string? SignerName, string? SignerTitle, bool ForIdentificationOnly, DateTimeOffset SignedAt);

/// <summary>
/// Resolves signature names to organizations with today's names, aliases and merges. Deliberately no auto-created
/// organization records: a typo in a sign-on would otherwise become a permanent organization that someone must merge
/// away; unregistered names are shown as such instead, and registering (or aliasing) them later re-attributes history.
/// </summary>
public class Involvements
{
    private readonly CoalitionGraph _graph;
    private readonly Dictionary<string, GraphOrganization> _byKey = new();

    public Involvements(CoalitionGraph graph)
    {
        _graph = graph;
        foreach (var o in graph.Organizations.Values.Where(o => o.MergedInto is null).OrderBy(o => o.Id))
        foreach (var name in o.Aliases.Prepend(o.Name))
            _byKey.TryAdd(SignerIdentity.Normalize(name), o);
        All = graph.Signatures.Values.Where(s => s.Active).Select(Involve).OfType<Involvement>()
            .OrderBy(i => i.SignedAt).ThenBy(i => i.LetterId).ThenBy(i => i.SignerName).ToList();
    }

    public static async Task<Involvements> LoadAsync(IQuerySession session, CancellationToken token) =>
        new(await session.LoadAsync<CoalitionGraph>(CoalitionGraph.Key, token) ?? new CoalitionGraph());

    public IReadOnlyList<Involvement> All { get; }

    public IEnumerable<GraphOrganization> Registered => _graph.Organizations.Values.Where(o => o.MergedInto is null);

    public string CampaignName(Guid id) => _graph.Campaigns.GetValueOrDefault(id, "");

    /// <summary>The organization now standing for <paramref name="id"/>: itself, or whoever it was merged into.</summary>
    public GraphOrganization? Survivor(Guid id)
    {
        var o = _graph.Organizations.GetValueOrDefault(id);
        for (var hops = 0; o?.MergedInto is { } next && hops < 100; hops++) o = _graph.Organizations.GetValueOrDefault(next);
        return o;
    }

    public static OrganizationRef Ref(GraphOrganization o) => new(o.Id, o.Id.ToString(), o.Name, true);

    public OrganizationRef Resolve(string name)
    {
        var key = SignerIdentity.Normalize(name);
        return _byKey.TryGetValue(key, out var o) ? Ref(o) : new OrganizationRef(null, key, name.Trim(), false);
    }

    private Involvement? Involve(GraphSignature s)
    {
        var letter = _graph.Letters.GetValueOrDefault(s.LetterId) ?? new GraphLetter();
        return s.Kind == SignatoryKind.Organization
            ? new Involvement(Resolve(s.Name), InvolvementKind.SignedAsOrganization, s.LetterId, letter.Title, letter.CampaignIds,
                null, null, false, s.SignedAt)
            : string.IsNullOrWhiteSpace(s.Affiliation)
                ? null
                : new Involvement(Resolve(s.Affiliation), InvolvementKind.AffiliationOfSigner, s.LetterId, letter.Title,
                    letter.CampaignIds, s.Name, s.Title, s.ForIdentificationOnly, s.SignedAt);
    }
}
