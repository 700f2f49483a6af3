namespace CampaignManager.Organizations;

/// <summary>Another name or acronym the organization signs under, e.g. "JBI".</summary>
public record AddOrganizationAlias(string Alias);

public record OrganizationChanged(Guid Id, int Version);

public static class AddOrganizationAliasEndpoint
{
    public static Task<KnownOrganizations> LoadAsync(IQuerySession session, CancellationToken token) =>
        KnownOrganizations.LoadAsync(session, token);

    public static ProblemDetails Validate(AddOrganizationAlias command, Organization organization, KnownOrganizations known)
    {
        var errors = new FieldErrors().Required("alias", command.Alias, 300);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (organization.MergedInto is { } survivor)
            return Problems.Conflict($"This organization was merged into {survivor}; add the alias there.");
        if (organization.Keys().Contains(TextRules.NameKey(command.Alias)))
            return Problems.Conflict($"{organization.Name} already answers to \"{command.Alias}\".");
        known.CheckUnclaimed(errors, "alias", [command.Alias], except: organization.Id);
        return errors.Count > 0 ? Problems.Conflict($"\"{command.Alias}\" {errors.ToDictionary()["alias"][0]}") : WolverineContinue.NoProblems;
    }

    public static OrganizationAliasAdded Decide(Organization organization, AddOrganizationAlias command, string by, DateTimeOffset at) =>
        new(organization.Id, command.Alias.Trim(), by, at);

    [WolverinePost("/api/organizations/{id}/aliases", Name = "AddOrganizationAlias")]
    [EndpointSummary("Add another name the organization signs under")]
    [Tags("Organizations")]
    public static (OrganizationChanged, OrganizationAliasAdded) Post(AddOrganizationAlias command, [WriteAggregate] Organization organization,
        IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        // the claim row commits with the event, so a name claimed by a concurrent request fails this one with a 409
        UniqueName.Claim(session, UniqueName.Organization, [TextRules.NameKey(command.Alias)], organization.Id);
        return (new OrganizationChanged(organization.Id, organization.Version + 1),
            Decide(organization, command, context.User.ActorName(), clock.GetUtcNow()));
    }
}
