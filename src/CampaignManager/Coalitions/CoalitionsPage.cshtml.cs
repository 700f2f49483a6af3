namespace CampaignManager.Coalitions;

/// <summary>
/// The co-signing matrix as a heatmap: every organization that signed a letter in its own name on both axes, each cell
/// the letters both signed (from <see cref="CoalitionMatrixEndpoint.Build"/>, the API's own matrix).
/// </summary>
public class CoalitionsPageModel(IQuerySession session) : PageModel
{
    public IReadOnlyList<OrganizationRef> Organizations { get; private set; } = [];
    public int Max { get; private set; }
    private Dictionary<(string, string), IReadOnlyList<SignedLetter>> _cells = new();

    public async Task OnGetAsync()
    {
        var all = await Involvements.LoadAsync(session, HttpContext.RequestAborted, ownNameOnly: true);
        Organizations = all.All.Where(i => i.How == InvolvementKind.SignedAsOrganization).Select(i => i.Organization)
            .DistinctBy(o => o.Key).OrderBy(o => o.Name, Collation.Names).ThenBy(o => o.Key).ToList();
        foreach (var pair in CoalitionMatrixEndpoint.Build(all))
        {
            _cells[(pair.First.Key, pair.Second.Key)] = pair.Letters;
            _cells[(pair.Second.Key, pair.First.Key)] = pair.Letters;
        }
        Max = _cells.Count == 0 ? 0 : _cells.Values.Max(l => l.Count);
    }

    public IReadOnlyList<SignedLetter> Letters(OrganizationRef a, OrganizationRef b) => _cells.GetValueOrDefault((a.Key, b.Key)) ?? [];
}
