namespace CampaignManager.Organizations;

/// <summary>The organization stream folded: what name checks and merges decide on. Stored inline so they never lag.</summary>
public class Organization
{
    public Guid Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public Guid? MergedInto { get; set; }
    /// <summary>Lowercase, e.g. "hrw.org": addresses there confirm the organization's signatures.</summary>
    public string? EmailDomain { get; set; }

    /// <summary>Every normalized name this organization answers to (canonical name, aliases, acronyms).</summary>
    public IEnumerable<string> Keys() => Aliases.Prepend(Name).Select(TextRules.NameKey).Distinct();

    public static Organization Create(OrganizationRegistered e) => new() { Id = e.OrganizationId, Name = e.Name, Aliases = [.. e.Aliases] };

    public void Apply(OrganizationAliasAdded e) => Aliases.Add(e.Alias);

    public void Apply(OrganizationAbsorbed e) => Aliases.AddRange(e.Names);

    public void Apply(OrganizationMergedInto e) => MergedInto = e.SurvivorId;

    public void Apply(OrganizationEmailDomainSet e) => EmailDomain = e.Domain;
}
