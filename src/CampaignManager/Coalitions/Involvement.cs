using CampaignManager.Organizations;
using CampaignManager.Campaigns;
using CampaignManager.Signatures;

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
/// Each view loads the organizations (few, and needed to resolve any name) plus only the signatures, letters and
/// campaigns it shows: a profile reads its own names' signatures, a campaign its letters' signatures.
/// </summary>
public class Involvements
{
    private readonly Dictionary<Guid, Organization> _organizations;
    private readonly IReadOnlyDictionary<Guid, CoalitionLetter> _letters;
    private readonly IReadOnlyDictionary<Guid, string> _campaigns;
    private readonly Dictionary<string, Organization> _byKey = new();

    public Involvements(IEnumerable<Organization> organizations, IEnumerable<CoalitionSignature> signatures,
        IReadOnlyDictionary<Guid, CoalitionLetter> letters, IReadOnlyDictionary<Guid, string>? campaignNames = null)
    {
        _organizations = organizations.ToDictionary(o => o.Id);
        _letters = letters;
        _campaigns = campaignNames ?? new Dictionary<Guid, string>();
        foreach (var o in _organizations.Values.Where(o => o.MergedInto is null).OrderBy(o => o.Id))
        foreach (var name in o.Aliases.Prepend(o.Name))
            _byKey.TryAdd(TextRules.NameKey(name), o);
        // signing order first, so equal times keep the order the signatures were made in
        All = signatures.Where(s => s.Active).OrderBy(s => s.Sequence).Select(Involve).OfType<Involvement>()
            .OrderBy(i => i.SignedAt).ThenBy(i => i.LetterId).ThenBy(i => i.SignerName).ToList();
    }

    private static Task<IReadOnlyList<Organization>> OrganizationsAsync(IQuerySession session, CancellationToken token) =>
        session.Query<Organization>().ToListAsync(token);

    private static async Task<Involvements> WithLettersAsync(IQuerySession session, IReadOnlyList<Organization> organizations,
        IReadOnlyList<CoalitionSignature> signatures, CancellationToken token, bool campaignNames = false)
    {
        var letters = (await session.LoadManyAsync<CoalitionLetter>(token, signatures.Select(s => s.LetterId).Distinct()))
            .Where(l => l.Drafted).ToDictionary(l => l.Id);
        var names = campaignNames
            ? (await session.LoadManyAsync<Campaign>(token, letters.Values.SelectMany(l => l.CampaignIds).Distinct())).ToDictionary(c => c.Id, c => c.Name)
            : null;
        return new Involvements(organizations, signatures, letters, names);
    }

    /// <summary>Every active signature that involves an organization; <paramref name="ownNameOnly"/> for the matrix.</summary>
    public static async Task<Involvements> LoadAsync(IQuerySession session, CancellationToken token, bool ownNameOnly = false)
    {
        var organizations = await OrganizationsAsync(session, token);
        var query = session.Query<CoalitionSignature>().Where(s => s.Active && s.NameKey != null);
        if (ownNameOnly) query = query.Where(s => s.Kind == SignatoryKind.Organization);
        return await WithLettersAsync(session, organizations, await query.ToListAsync(token), token);
    }

    /// <summary>Only the signatures under the names that resolve to the organization standing for <paramref name="id"/>.</summary>
    public static async Task<(Involvements All, Organization Survivor)?> LoadForOrganizationAsync(IQuerySession session, Guid id,
        CancellationToken token)
    {
        var organizations = await OrganizationsAsync(session, token);
        var names = new Involvements(organizations, [], new Dictionary<Guid, CoalitionLetter>());
        if (names.Survivor(id) is not { } survivor) return null;
        var keys = names._byKey.Where(k => k.Value.Id == survivor.Id).Select(k => k.Key).ToArray();
        var signatures = await session.Query<CoalitionSignature>().Where(s => s.Active && s.NameKey.IsOneOf(keys)).ToListAsync(token);
        return (await WithLettersAsync(session, organizations, signatures, token, campaignNames: true), survivor);
    }

    /// <summary>Only the signatures on the campaign's letters.</summary>
    public static async Task<Involvements> LoadForCampaignAsync(IQuerySession session, Campaign campaign, CancellationToken token)
    {
        var organizations = await OrganizationsAsync(session, token);
        var letters = campaign.Letters.Select(l => l.LetterId).Distinct().ToArray();
        var signatures = await session.Query<CoalitionSignature>()
            .Where(s => s.Active && s.NameKey != null && s.LetterId.IsOneOf(letters)).ToListAsync(token);
        return await WithLettersAsync(session, organizations, signatures, token);
    }

    public IReadOnlyList<Involvement> All { get; }

    public IEnumerable<Organization> Registered => _organizations.Values.Where(o => o.MergedInto is null);

    public string CampaignName(Guid id) => _campaigns.GetValueOrDefault(id, "");

    /// <summary>The organization now standing for <paramref name="id"/>: itself, or whoever it was merged into.</summary>
    public Organization? Survivor(Guid id)
    {
        var o = _organizations.GetValueOrDefault(id);
        for (var hops = 0; o?.MergedInto is { } next && hops < 100; hops++) o = _organizations.GetValueOrDefault(next);
        return o;
    }

    public static OrganizationRef Ref(Organization o) => new(o.Id, o.Id.ToString(), o.Name, true);

    public OrganizationRef Resolve(string name)
    {
        var key = TextRules.NameKey(name);
        return _byKey.TryGetValue(key, out var o) ? Ref(o) : new OrganizationRef(null, key, name.Trim(), false);
    }

    private Involvement? Involve(CoalitionSignature s)
    {
        var letter = _letters.GetValueOrDefault(s.LetterId) ?? new CoalitionLetter();
        return s.Kind == SignatoryKind.Organization
            ? new Involvement(Resolve(s.Name), InvolvementKind.SignedAsOrganization, s.LetterId, letter.Title, letter.CampaignIds,
                null, null, false, s.SignedAt)
            : string.IsNullOrWhiteSpace(s.Affiliation)
                ? null
                : new Involvement(Resolve(s.Affiliation), InvolvementKind.AffiliationOfSigner, s.LetterId, letter.Title,
                    letter.CampaignIds, s.Name, s.Title, s.ForIdentificationOnly, s.SignedAt);
    }
}
