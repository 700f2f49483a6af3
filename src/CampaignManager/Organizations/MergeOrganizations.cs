namespace CampaignManager.Organizations;

/// <summary>The organization at {id} survives; <see cref="DuplicateId"/> was the same organization under another record.</summary>
public record MergeOrganizations(Guid? DuplicateId);

public record DuplicateLookup(Organization? Duplicate);

public static class MergeOrganizationsEndpoint
{
    public static async Task<DuplicateLookup> LoadAsync(MergeOrganizations command, IQuerySession session, CancellationToken token) =>
        new(command.DuplicateId is { } id ? await session.LoadAsync<Organization>(id, token) : null);

    public static ProblemDetails Validate(MergeOrganizations command, DuplicateLookup lookup, Organization organization)
    {
        var errors = new FieldErrors()
            .When(command.DuplicateId is null, "duplicateId", "is required")
            .When(command.DuplicateId is not null && lookup.Duplicate is null, "duplicateId", "is not a known organization")
            .When(command.DuplicateId == organization.Id, "duplicateId", "is the organization itself");
        if (errors.Count > 0) return Problems.Validation(errors);
        if (organization.MergedInto is { } s) return Problems.Conflict($"This organization was itself merged into {s}.");
        return lookup.Duplicate!.MergedInto is { } into
            ? Problems.Conflict($"The duplicate was already merged into {into}.")
            : WolverineContinue.NoProblems;
    }

    /// <summary>Both sides record the merge: the survivor gains the names, the duplicate points at the survivor.</summary>
    public static (OrganizationAbsorbed, OrganizationMergedInto) Decide(Organization survivor, Organization duplicate, string by,
        DateTimeOffset at) =>
        (new OrganizationAbsorbed(survivor.Id, duplicate.Id,
                duplicate.Aliases.Prepend(duplicate.Name).Where(n => !survivor.Keys().Contains(TextRules.NameKey(n))).ToList(),
                by, at),
            new OrganizationMergedInto(duplicate.Id, survivor.Id, by, at));

    [WolverinePost("/api/organizations/{id}/merge", Name = "MergeOrganizations")]
    [EndpointSummary("Merge a duplicate organization into this one")]
    [Tags("Organizations")]
    public static (OrganizationChanged, OrganizationAbsorbed) Post(MergeOrganizations command, DuplicateLookup lookup,
        [WriteAggregate] Organization organization, IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        var (absorbed, mergedInto) = Decide(organization, lookup.Duplicate!, context.User.ActorName(), clock.GetUtcNow());
        // same transaction as the survivor's event; the expected version guards against a concurrent second merge
        session.Events.Append(mergedInto.OrganizationId, lookup.Duplicate!.Version + 1, mergedInto);
        UniqueName.Transfer(session, UniqueName.Organization, lookup.Duplicate.Keys(), organization.Id);
        return (new OrganizationChanged(organization.Id, organization.Version + 1), absorbed);
    }
}
