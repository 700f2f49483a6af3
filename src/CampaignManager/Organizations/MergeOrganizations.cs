namespace CampaignManager.Organizations;

/// <summary>The organization at {id} survives; <see cref="DuplicateId"/> was the same organization under another record.</summary>
public record MergeOrganizations(Guid? DuplicateId);

public static class MergeOrganizationsEndpoint
{
    public static Task<Reference<Organization>> LoadAsync(MergeOrganizations command, IQuerySession session, CancellationToken token) =>
        Reference<Organization>.LoadAsync(command.DuplicateId, session, token);

    public static ProblemDetails Validate(MergeOrganizations command, Reference<Organization> duplicate, Organization organization)
    {
        var errors = new FieldErrors()
            .Known("duplicateId", duplicate, "organization")
            .When(command.DuplicateId == organization.Id, "duplicateId", "is the organization itself");
        if (errors.Count > 0) return Problems.Validation(errors);
        if (organization.MergedInto is { } s) return Problems.Conflict($"This organization was itself merged into {s}.");
        return duplicate.Found!.MergedInto is { } into
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
    public static (OrganizationChanged, OrganizationAbsorbed) Post(MergeOrganizations command, Reference<Organization> duplicate,
        [WriteAggregate] Organization organization, IDocumentSession session, HttpContext context, TimeProvider clock)
    {
        var (absorbed, mergedInto) = Decide(organization, duplicate.Found!, context.User.ActorName(), clock.GetUtcNow());
        // same transaction as the survivor's event; the expected version guards against a concurrent second merge
        session.Events.Append(mergedInto.OrganizationId, duplicate.Found!.Version + 1, mergedInto);
        UniqueName.Transfer(session, UniqueName.Organization, duplicate.Found.Keys(), organization.Id);
        return (new OrganizationChanged(organization.Id, organization.Version + 1), absorbed);
    }
}
