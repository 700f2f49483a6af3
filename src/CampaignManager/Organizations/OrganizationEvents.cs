namespace CampaignManager.Organizations;

public interface IOrganizationEvent
{
    Guid OrganizationId { get; }
    string By { get; }
    DateTimeOffset At { get; }
}

/// <summary>An organization as staff know it: canonical name plus acronyms and other names it signs under.</summary>
public record OrganizationRegistered(Guid OrganizationId, string Name, IReadOnlyList<string> Aliases, string By, DateTimeOffset At)
    : IOrganizationEvent;

public record OrganizationAliasAdded(Guid OrganizationId, string Alias, string By, DateTimeOffset At) : IOrganizationEvent;

/// <summary>On the duplicate's stream: it was the same organization as the survivor, which now carries its names.</summary>
public record OrganizationMergedInto(Guid OrganizationId, Guid SurvivorId, string By, DateTimeOffset At) : IOrganizationEvent;

/// <summary>On the survivor's stream: the duplicate's names are now the survivor's aliases.</summary>
public record OrganizationAbsorbed(Guid OrganizationId, Guid DuplicateId, IReadOnlyList<string> Names, string By, DateTimeOffset At)
    : IOrganizationEvent;

/// <summary>The organization's own email domain (null: none); see SetOrganizationEmailDomain.</summary>
public record OrganizationEmailDomainSet(Guid OrganizationId, string? Domain, string By, DateTimeOffset At) : IOrganizationEvent;
