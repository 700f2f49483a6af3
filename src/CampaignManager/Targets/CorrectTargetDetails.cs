namespace CampaignManager.Targets;

/// <summary>Replaces all contact details at once, the way the edit form sends them.</summary>
public record CorrectTargetDetails(
    string? Name, string? Title, string? Organization, string? Email, string? Address, string? Country,
    IReadOnlyList<string?>? Tags);

public static class CorrectTargetDetailsEndpoint
{
    public static ProblemDetails Validate(CorrectTargetDetails c) =>
        Problems.Validation(TargetContact.Check(new FieldErrors(), c.Name, c.Title, c.Organization, c.Email, c.Address, c.Country, c.Tags));

    /// <summary>The decision: a correction only when something differs, so the history shows real changes only.</summary>
    public static Events Decide(Target target, TargetContact corrected, string by, DateTimeOffset at)
    {
        var changed = corrected.ChangedFrom(target.Contact);
        if (changed.Count == 0) return [];
        return
        [
            new TargetDetailsCorrected(target.Id, corrected.Name, corrected.Title, corrected.Organization, corrected.Email,
                corrected.Address, corrected.Country, corrected.Tags, changed, by, at)
        ];
    }

    [WolverinePost("/api/targets/{id}/details", Name = "CorrectTargetDetails"), EmptyResponse]
    [Tags("Targets")]
    [EndpointSummary("Correct a target's contact details")]
    public static Events Post(CorrectTargetDetails command, [WriteAggregate] Target target,
        HttpContext context, TimeProvider clock) =>
        Decide(target, TargetContact.Normalize(command.Name!, command.Title, command.Organization, command.Email,
            command.Address, command.Country, command.Tags), context.User.ActorName(), clock.GetUtcNow());
}
