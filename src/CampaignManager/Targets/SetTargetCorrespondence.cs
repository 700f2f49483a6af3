using CampaignManager.Letters;

namespace CampaignManager.Targets;

/// <summary>
/// How a target is written to: the language of correspondence (a BCP 47 tag; each permanent mission has one) and the
/// form of address the letter opens with ("Excellency"). Null clears either.
/// </summary>
public record SetTargetCorrespondence(string? Language, string? FormOfAddress);

public record TargetCorrespondenceSet(Guid TargetId, string? Language, string? FormOfAddress, string By, DateTimeOffset At) : ITargetEvent;

public static class SetTargetCorrespondenceEndpoint
{
    public static ProblemDetails Validate(SetTargetCorrespondence command) => Problems.Validation(new FieldErrors()
        .Language("language", command.Language, required: false)
        .MaxLength("formOfAddress", command.FormOfAddress, 100));

    public static TargetCorrespondenceSet Decide(Guid targetId, SetTargetCorrespondence command, string by, DateTimeOffset at) =>
        new(targetId, Languages.Normalize(command.Language), TextRules.TrimToNull(command.FormOfAddress), by, at);

    [WolverinePost("/api/targets/{id}/correspondence", Name = "SetTargetCorrespondence")]
    [EndpointSummary("Set a target's language of correspondence and form of address")]
    [Tags("Targets")]
    public static (TargetCorrespondenceSet, Events) Post(SetTargetCorrespondence command, [WriteAggregate] Target target,
        HttpContext context, TimeProvider clock)
    {
        var set = Decide(target.Id, command, context.User.ActorName(), clock.GetUtcNow());
        return (set, [set]);
    }
}
