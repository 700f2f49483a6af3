namespace CampaignManager.Partners;

public record SetSignOnPartnerOrigins(IReadOnlyList<string>? AllowedOrigins);

public static class SetSignOnPartnerOriginsEndpoint
{
    public static ProblemDetails Validate(SetSignOnPartnerOrigins command) =>
        Problems.Validation(new FieldErrors().Check(command.AllowedOrigins));

    public static IEnumerable<object> Decide(SignOnPartner partner, SetSignOnPartnerOrigins command, string by, DateTimeOffset at)
    {
        var origins = command.AllowedOrigins!.Select(PartnerOrigins.Normalize).OfType<string>().Distinct().ToList();
        if (!origins.SequenceEqual(partner.AllowedOrigins)) yield return new SignOnPartnerOriginsChanged(partner.Id, partner.LetterId, origins, by, at);
    }

    [WolverinePost("/api/letters/partners/{id}/origins", Name = "SetSignOnPartnerOrigins")]
    [EndpointSummary("The partner's sites allowed to post its embedded sign-on form")]
    [Tags("Partners")]
    public static Events Post(SetSignOnPartnerOrigins command, [WriteAggregate] SignOnPartner partner, HttpContext context, TimeProvider clock) =>
        new(Decide(partner, command, context.User.ActorName(), clock.GetUtcNow()).ToList());
}
