namespace CampaignManager.Targets;

public record RegisterTarget(
    string? Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string?>? Tags)
{
    internal FieldErrors Check(FieldErrors errors) =>
        TargetContact.Check(errors, Name, Title, Organization, Email, Address, Country, Tags);

    internal TargetContact Contact() => TargetContact.Normalize(Name!, Title, Organization, Email, Address, Country, Tags);
}

public record NewTargetResponse(Guid Id) : CreationResponse<Guid>($"/api/targets/{Id}", Id);

public static class RegisterTargetEndpoint
{
    public static ProblemDetails Validate(RegisterTarget command) => Problems.Validation(command.Check(new FieldErrors()));

    /// <summary>
    /// The decision: a new target stream. Duplicate emails are not refused here on purpose: staff register the
    /// odd shared office inbox twice; the CSV import is where duplicates pile up, and it re-uses instead.
    /// </summary>
    public static TargetRegistered Decide(Guid targetId, TargetContact c, string by, DateTimeOffset at) =>
        new(targetId, c.Name, c.Title, c.Organization, c.Email, c.Address, c.Country, c.Tags, by, at);

    [WolverinePost("/api/targets", Name = "RegisterTarget")]
    [Tags("Targets")]
    [EndpointSummary("Register a target: a person or mission an appeal can be sent to")]
    public static (NewTargetResponse, IStartStream) Post(RegisterTarget command, HttpContext context, TimeProvider clock)
    {
        var registered = Decide(Guid.CreateVersion7(), command.Contact(),
            context.User.ActorName(), clock.GetUtcNow());
        return (new NewTargetResponse(registered.TargetId), MartenOps.StartStream<Target>(registered.TargetId, registered));
    }
}
