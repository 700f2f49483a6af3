namespace CampaignManager.Organizations;

/// <summary>
/// The email domain the organization's own staff write from ("hrw.org"). A public signature in the organization's
/// name, confirmed through a link sent to an address at that domain, is confirmed by the organization itself.
/// Null clears it.
/// </summary>
public record SetOrganizationEmailDomain(string? Domain);

public static class SetOrganizationEmailDomainEndpoint
{
    public static ProblemDetails Validate(SetOrganizationEmailDomain command, Organization organization)
    {
        var domain = Normalize(command.Domain);
        var errors = new FieldErrors().MaxLength("domain", command.Domain, 253)
            .When(domain is not null && !LooksLikeDomain(domain), "domain", "must be a domain name such as \"hrw.org\", without \"@\"");
        if (errors.Count > 0) return Problems.Validation(errors);
        return organization.MergedInto is { } survivor
            ? Problems.Conflict($"This organization was merged into {survivor}; set the domain there.")
            : WolverineContinue.NoProblems;
    }

    public static string? Normalize(string? domain) => TextRules.TrimToNull(domain)?.TrimEnd('.').ToLowerInvariant();

    private static bool LooksLikeDomain(string domain) =>
        domain.Contains('.') && System.Net.Mail.MailAddress.TryCreate($"x@{domain}", out var address) && address.Host == domain;

    public static IEnumerable<object> Decide(Organization organization, SetOrganizationEmailDomain command, string by, DateTimeOffset at)
    {
        var domain = Normalize(command.Domain);
        if (domain != organization.EmailDomain) yield return new OrganizationEmailDomainSet(organization.Id, domain, by, at);
    }

    [WolverinePost("/api/organizations/{id}/email-domain", Name = "SetOrganizationEmailDomain")]
    [EndpointSummary("The email domain that can confirm the organization's signatures")]
    [Tags("Organizations")]
    public static (OrganizationChanged, Events) Post(SetOrganizationEmailDomain command, [WriteAggregate] Organization organization,
        HttpContext context, TimeProvider clock)
    {
        var events = Decide(organization, command, context.User.ActorName(), clock.GetUtcNow()).ToList();
        return (new OrganizationChanged(organization.Id, organization.Version + events.Count), new Events(events));
    }
}
