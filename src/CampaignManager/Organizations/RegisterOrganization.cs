namespace CampaignManager.Organizations;

/// <summary>E.g. name "Committee for Human Rights in North Korea", aliases ["HRNK"].</summary>
public record RegisterOrganization(string Name, IReadOnlyList<string>? Aliases = null);

public record NewOrganizationResponse(Guid Id) : CreationResponse<Guid>($"/api/organizations/{Id}", Id);

/// <summary>The organizations still standing (not merged away), wrapped so Wolverine does not bind them from the query.</summary>
public record KnownOrganizations(IReadOnlyList<Organization> All)
{
    public static async Task<KnownOrganizations> LoadAsync(IQuerySession session, CancellationToken token) =>
        new(await session.Query<Organization>().Where(x => x.MergedInto == null).ToListAsync(token));

    /// <summary>A field error for each name that already means another organization: a name must resolve to one.</summary>
    public FieldErrors CheckUnclaimed(FieldErrors errors, string field, IEnumerable<string?> names, Guid? except = null)
    {
        var i = 0;
        foreach (var name in names)
        {
            var key = TextRules.NameKey(name ?? "");
            var owner = All.FirstOrDefault(o => o.Id != except && o.Keys().Contains(key));
            errors.When(owner is not null, field.Replace("{i}", i.ToString()), $"already names {owner?.Name} ({owner?.Id})");
            i++;
        }
        return errors;
    }
}

public static class RegisterOrganizationEndpoint
{
    public static Task<KnownOrganizations> LoadAsync(IQuerySession session, CancellationToken token) =>
        KnownOrganizations.LoadAsync(session, token);

    public static ProblemDetails Validate(RegisterOrganization command, KnownOrganizations known)
    {
        var errors = new FieldErrors().Required("name", command.Name, 300);
        var aliases = command.Aliases ?? [];
        for (var i = 0; i < aliases.Count; i++) errors.Required($"aliases[{i}]", aliases[i], 300);
        if (errors.Count > 0) return Problems.Validation(errors);
        known.CheckUnclaimed(errors, "name", [command.Name]);
        known.CheckUnclaimed(errors, "aliases[{i}]", aliases);
        return errors.Count > 0
            ? Problems.Conflict(string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}")))
            : WolverineContinue.NoProblems;
    }

    public static OrganizationRegistered Decide(Guid id, RegisterOrganization command, string by, DateTimeOffset at) =>
        new(id, command.Name.Trim(), (command.Aliases ?? []).Select(a => a.Trim())
            .DistinctBy(TextRules.NameKey).Where(a => TextRules.NameKey(a) != TextRules.NameKey(command.Name))
            .ToList(), by, at);

    /// <summary>Every normalized name the new organization answers to: each one is claimed for it alone.</summary>
    public static IEnumerable<string> NamesOf(OrganizationRegistered registered) =>
        registered.Aliases.Prepend(registered.Name).Select(TextRules.NameKey);

    [WolverinePost("/api/organizations", Name = "RegisterOrganization")]
    [EndpointSummary("Register an organization")]
    [Tags("Organizations")]
    public static (NewOrganizationResponse, IStartStream) Post(RegisterOrganization command, IDocumentSession session, HttpContext context,
        TimeProvider clock)
    {
        var registered = Decide(Guid.CreateVersion7(), command, context.User.ActorName(), clock.GetUtcNow());
        UniqueName.Claim(session, UniqueName.Organization, NamesOf(registered), registered.OrganizationId);
        return (new NewOrganizationResponse(registered.OrganizationId),
            MartenOps.StartStream<Organization>(registered.OrganizationId, registered));
    }
}
